import sanitizeHtml from 'sanitize-html';

/**
 * The one safe rich-text subset for everything users write (forum posts, releases, minutes):
 * paragraphs, headings (h2-h4), bold, italics, underline, strike, lists, links, quotes, code, line breaks,
 * and (only where a caller allows it) images from our own file store.
 * No script, style, class or event attribute survives; links are http(s)/mailto only and get
 * rel="nofollow noopener noreferrer"; external links open in the same tab (no target).
 */
const baseTags = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'a',
  'blockquote',
  'code',
  'pre',
  'h2',
  'h3',
  'h4',
  'hr',
];

/**
 * What no editor produces and only an attacker (or a paste from a hostile page) sends: scripts, style sheets, event
 * attributes, script links, embedded frames and forms. A body carrying them is refused with a clear message, naming
 * what it is ("Isi rilis", "Notulen"), instead of being silently cut; the sanitiser strips everything else it does
 * not keep (inline styles, classes, unknown tags). Answers the message, or null when none is found.
 */
export function hostileMarkup(raw: string, what: string): string | null {
  if (/<\s*script\b/i.test(raw)) return `${what} tidak boleh memuat skrip (<script>)`;
  if (/<\s*style\b/i.test(raw)) return `${what} tidak boleh memuat lembar gaya (<style>); gunakan format dari editor`;
  if (/<[^>]*\son[a-z]+\s*=/i.test(raw)) return `${what} tidak boleh memuat atribut skrip (onclick, onerror, ...)`;
  if (/<[^>]*\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript|data)\s*:/i.test(raw))
    return `Tautan javascript:, vbscript: atau data: tidak diizinkan dalam ${what.toLowerCase()}; gunakan alamat http(s)`;
  if (/<\s*(?:iframe|object|embed|form)\b/i.test(raw)) return `${what} tidak boleh memuat iframe, object, embed atau form`;
  return null;
}

export interface RichTextOptions {
  /** Allow <img> whose src is a path under this prefix (e.g. '/files/'); alt is kept, nothing else. */
  imagePathPrefix?: string;
}

export function sanitizeRichText(html: string, options: RichTextOptions = {}): string {
  const allowImages = options.imagePathPrefix !== undefined;
  return sanitizeHtml(html, {
    allowedTags: allowImages ? [...baseTags, 'img', 'figure', 'figcaption'] : baseTags,
    allowedAttributes: {
      // rel is listed so that the transform below can set it; it always overwrites a writer's own.
      a: ['href', 'rel'],
      ol: ['start'],
      ...(allowImages ? { img: ['src', 'alt', 'width', 'height'] } : {}),
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // The contents of these are dropped with them, not kept as text.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template'],
    exclusiveFilter: (frame) => frame.tag === 'img' && !String(frame.attribs.src ?? '').startsWith(options.imagePathPrefix ?? '\u0000'),
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, rel: 'nofollow noopener noreferrer' },
      }),
      b: 'strong',
      i: 'em',
    },
  });
}

/** The text a reader sees (for length limits, search documents, summaries and e-mail). */
export function richTextToPlain(html: string): string {
  const withBreaks = html.replace(/<\/(p|li|h[2-4]|blockquote|pre)>|<br\s*\/?>/gi, '$&\n');
  return sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** True when the sanitised text holds no visible words (e.g. "<p></p>" or only spaces). */
export function isBlankRichText(html: string): boolean {
  return richTextToPlain(html).length === 0;
}
