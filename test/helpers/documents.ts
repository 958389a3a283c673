import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

/** Helpers for the document tests: the text of a DOCX or PDF, and the reference KAK as a list of items. */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m),
  );

/** Collapses every kind of white space (tabs, no-break spaces, line ends) to single spaces. */
export const normalise = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** The paragraphs of a Word part (body, footer), in order; tabs count as spaces, table cells are paragraphs too. */
export async function docxParagraphs(docx: Buffer, part = 'word/document.xml'): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file(part)!.async('string');
  const paragraphs: string[] = [];
  let current = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<\/w:p>/g)) {
    if (m[0] === '</w:p>') {
      paragraphs.push(normalise(current));
      current = '';
    } else if (m[0] === '<w:tab/>') current += ' ';
    else current += decode(m[1] ?? '');
  }
  return paragraphs.filter(Boolean);
}

/** Runs a poppler tool on the bytes in a private temporary directory. */
function withTempFile<T>(bytes: Buffer, name: string, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-doc-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page of a PDF in drawing order (pdftotext -raw), page numbers at the foot removed. */
export function pdfPages(pdf: Buffer): string[] {
  const text = withTempFile(pdf, 'doc.pdf', (file) =>
    execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
  return text
    .split('\f')
    .map((page) => page.replace(/\n\s*\d+\s*\n?$/, '\n'))
    .filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withTempFile(pdf, 'doc.pdf', (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/**
 * The reference KAK (plain text of the Word original) as the list of its paragraphs, list items and table cells:
 * the `[bookmark: _GoBack]` artefact, tabs and empty rows removed, the listed typos corrected.
 */
export function referenceItems(path: string, corrections: Record<string, string>): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replaceAll('[bookmark: _GoBack]', ''))
    .map(normalise)
    .filter(Boolean)
    .map((line) => Object.entries(corrections).reduce((l, [typo, right]) => l.replace(new RegExp(`\\b${typo}\\b`, 'g'), right), line));
}

/**
 * Looks for each item in the text, each after the previous one. Returns the items not found in that order
 * (an empty list means they all are). `squeeze` compares without any white space (for PDF line wrapping).
 */
export function missingInOrder(text: string, items: string[], opts: { squeeze?: boolean } = {}): string[] {
  const prep = (s: string) => (opts.squeeze ? s.replace(/[\s\u00a0]+/g, '') : normalise(s));
  const haystack = prep(text);
  const missing: string[] = [];
  let from = 0;
  for (const item of items) {
    const at = haystack.indexOf(prep(item), from);
    if (at < 0) missing.push(item);
    else from = at + prep(item).length;
  }
  return missing;
}
