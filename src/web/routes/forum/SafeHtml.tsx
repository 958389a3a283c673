import '@mantine/core/styles/Typography.css';
import './forum.css';
import { Typography, type TypographyProps } from '@mantine/core';
import { Fragment } from 'react';

/**
 * The ONLY place the forum puts HTML from the server into the page, and only for a post's body (`bodyHtml`).
 *
 * Why this is safe: the server stores and answers post bodies only after `sanitizeRichText`
 * (src/server/core/richText.ts, sanitize-html): a small allow-list (paragraphs, bold, italics, lists, links with
 * rel="nofollow noopener", quotes, code), no script, style, event attribute or javascript: URL survives. The
 * page's CSP (no inline script) is the second wall. Never pass anything else (titles, names, reasons, query
 * text) here: those are plain text and React escapes them.
 */
export function SanitisedHtml({ html, ...props }: { html: string } & Omit<TypographyProps, 'children'>) {
  return (
    <Typography {...props}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised rich text, see above */}
      <div className="forum-body" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&amp;` `&#39;` `&#x27;` ... back to characters (React escapes them again when rendering text). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * A search snippet with its matches highlighted. The server answers the snippet HTML-escaped with only
 * `<mark>`/`</mark>` left as tags; we do not inject it as HTML at all: it is split on those two tags and every
 * piece rendered as text (entities decoded), so even a snippet the server failed to escape shows tags as text.
 */
export function Highlighted({ snippet }: { snippet: string }) {
  const parts = snippet.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const out: { text: string; marked: boolean }[] = [];
  for (const p of parts) {
    if (p === '<mark>') marked = true;
    else if (p === '</mark>') marked = false;
    else if (p) out.push({ text: decodeEntities(p), marked });
  }
  return <>{out.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</>;
}
