import '@mantine/core/styles/Typography.css';
import './safeHtml.css';
import { Typography, type TypographyProps } from '@mantine/core';

/**
 * The ONLY component that puts HTML from the server into the page: rich text the server has sanitised (forum post
 * bodies `bodyHtml`, the parts of meeting minutes).
 *
 * Why this is safe: the server stores and answers that rich text only after `sanitizeRichText`
 * (src/server/core/richText.ts, sanitize-html): a small allow-list (paragraphs, bold, italics, lists, links with
 * rel="nofollow noopener", quotes, code), no script, style, event attribute or javascript: URL survives. The
 * page's CSP (no inline script) is the second wall. Never pass anything else (titles, names, reasons, query
 * text) here: those are plain text and React escapes them. (A release's preview is another thing: a whole
 * document in a frame with its own CSP, routes/releases/ReleasePreview.tsx.)
 */
export function SafeHtml({ html, ...props }: { html: string } & Omit<TypographyProps, 'children'>) {
  return (
    <Typography {...props}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised rich text, see above */}
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
