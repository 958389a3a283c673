import { describe, expect, it } from 'vitest';
import { isBlankRichText, richTextToPlain, sanitizeRichText } from './richText';

describe('sanitizeRichText', () => {
  it('keeps the safe subset', () => {
    const html =
      '<p>Halo <strong>tebal</strong> <em>miring</em></p><ul><li>satu</li></ul><blockquote>kutip</blockquote><pre><code>x</code></pre>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('drops scripts, styles, event handlers and classes with their content', () => {
    const out = sanitizeRichText(
      '<p onclick="alert(1)" style="color:red" class="x">a</p><script>alert(2)</script><style>p{}</style><img src=x onerror=alert(3)>',
    );
    expect(out).toBe('<p>a</p>');
  });

  it('refuses javascript: and data: links and marks links nofollow noopener', () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)">x</a>')).toBe('<a rel="nofollow noopener noreferrer">x</a>');
    expect(sanitizeRichText('<a href="JaVaScRiPt:alert(1)">x</a>')).not.toContain('javascript');
    expect(sanitizeRichText('<a href="data:text/html,hi">x</a>')).not.toContain('data:');
    expect(sanitizeRichText('<a href="https://sumbarprov.go.id" target="_blank">x</a>')).toBe(
      '<a href="https://sumbarprov.go.id" rel="nofollow noopener noreferrer">x</a>',
    );
  });

  it('keeps images only from the allowed path and only when allowed', () => {
    expect(sanitizeRichText('<img src="/files/1" alt="a">')).toBe('');
    expect(sanitizeRichText('<img src="/files/1" alt="a"><img src="https://evil/x.png">', { imagePathPrefix: '/files/' })).toBe(
      '<img src="/files/1" alt="a" />',
    );
  });

  it('reads plain text and blankness', () => {
    expect(richTextToPlain('<p>a &amp; b</p><p>c</p>')).toBe('a & b\nc');
    expect(isBlankRichText('<p> </p><p><br></p>')).toBe(true);
    expect(isBlankRichText('<script>x</script>')).toBe(true);
  });
});
