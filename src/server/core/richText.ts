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
