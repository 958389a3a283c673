import type { Block, ListItem, Run } from '../../documents/model';

/**
 * Turns stored minutes text (already cleaned by core/richText.ts, so only its small tag set remains) into the
 * documents' neutral blocks: paragraphs and headings become paragraphs, lists become labelled list items, bold /
 * italics / underline become run styles, a link prints its address after its text. Only text ever reaches the
 * DOCX and PDF renderers (which escape it themselves), so nothing typed can inject markup into the files.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return entities[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });

type ListFrame = { ordered: boolean; next: number; depth: number };
const alpha = (n: number) => String.fromCharCode(96 + (((n - 1) % 26) + 1));

export function richTextBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const style = { bold: 0, italic: 0, underline: 0 };
  const lists: ListFrame[] = [];
  let runs: Run[] = [];
  let label: string | null = null;
  let href: string | null = null;
  let linkText = '';
  let quote = 0;

  const flush = () => {
    const trimmed = runs.filter((r) => r.text !== '');
    if (trimmed.length && trimmed.some((r) => r.text.trim() !== '')) {
      trimmed[0] = { ...trimmed[0]!, text: trimmed[0]!.text.trimStart() };
      if (label !== null) {
        const item: ListItem = { label, runs: trimmed };
        const last = blocks[blocks.length - 1];
        if (last?.kind === 'list') last.items.push(item);
        else blocks.push({ kind: 'list', items: [item] });
      } else blocks.push({ kind: 'paragraph', runs: trimmed });
    }
    runs = [];
  };
  const text = (t: string) => {
    if (!t) return;
    if (href !== null) linkText += t;
    runs.push({
      text: t,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic || quote ? { italic: true } : {}),
      ...(style.underline ? { underline: true } : {}),
    });
  };

  for (const token of html.split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)([^>]*)>$/i.exec(token);
    if (!tag) {
      text(decode(token.replace(/\s+/g, ' ')));
      continue;
    }
    const [, close, rawName, attrs] = tag;
    const name = rawName!.toLowerCase();
    const opening = close === '';
    switch (name) {
      case 'strong':
      case 'b':
        style.bold += opening ? 1 : -1;
        break;
      case 'em':
      case 'i':
        style.italic += opening ? 1 : -1;
        break;
      case 'u':
        style.underline += opening ? 1 : -1;
        break;
      case 'h2':
      case 'h3':
      case 'h4':
        flush();
        style.bold += opening ? 1 : -1;
        break;
      case 'p':
      case 'pre':
      case 'hr':
        flush();
        break;
      case 'br':
        text('\n');
        break;
      case 'blockquote':
        flush();
        quote += opening ? 1 : -1;
        break;
      case 'ul':
      case 'ol':
        flush();
        if (opening) {
          const start = Number(/\sstart="(\d+)"/.exec(attrs ?? '')?.[1] ?? '1');
          lists.push({ ordered: name === 'ol', next: start, depth: lists.length });
        } else lists.pop();
        label = null;
        break;
      case 'li': {
        flush();
        const frame = lists[lists.length - 1];
        if (opening && frame) {
          const n = frame.next++;
          const mark = frame.ordered ? (frame.depth === 0 ? `${n}.` : `${alpha(n)}.`) : frame.depth === 0 ? '•' : '–';
          label = `${'   '.repeat(frame.depth)}${mark}`;
        } else label = null;
        break;
      }
      case 'a':
        if (opening) {
          href = decode(/\shref="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '');
          linkText = '';
        } else {
          if (href && /^(https?:|mailto:)/i.test(href) && linkText.trim() !== href) text(` (${href.replace(/^mailto:/i, '')})`);
          href = null;
        }
        break;
      default:
        break;
    }
  }
  flush();
  // Line breaks inside a paragraph: PDF and DOCX both take "\n" in a run as text; keep them as spaces instead.
  for (const b of blocks) {
    const list = b.kind === 'paragraph' ? [b.runs] : b.kind === 'list' ? b.items.map((i) => i.runs) : [];
    for (const rs of list) for (const r of rs) r.text = r.text.replace(/\n/g, ' ');
  }
  return blocks;
}
