import './forum.css';
import { Fragment } from 'react';

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
