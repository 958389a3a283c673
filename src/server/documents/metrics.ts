import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Text widths with Helvetica's metrics (the same as Arial's), read from the AFM files pdfkit ships.
 * The DOCX renderer uses them to size letterhead lines that Word itself would otherwise wrap.
 */
const cache = new Map<string, Map<number, number>>();

function widths(font: 'Helvetica' | 'Helvetica-Bold'): Map<number, number> {
  let map = cache.get(font);
  if (!map) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('pdfkit')), 'data');
    map = new Map();
    for (const m of readFileSync(join(dir, `${font}.afm`), 'latin1').matchAll(/^C (\d+) ; WX (\d+) ;/gm))
      map.set(Number(m[1]), Number(m[2]));
    cache.set(font, map);
  }
  return map;
}

export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const w = widths(bold ? 'Helvetica-Bold' : 'Helvetica');
  let units = 0;
  for (const ch of text) units += w.get(ch.codePointAt(0)!) ?? 556;
  return (units * sizePt) / 1000;
}

/** The largest size from maxPt down to minPt (half-point steps) at which the text fits on one line. */
export function fitSizePt(text: string, widthPt: number, maxPt: number, minPt: number, bold = false): number {
  for (let size = maxPt; size > minPt; size -= 0.5) if (textWidthPt(text, size, bold) <= widthPt) return size;
  return minPt;
}
