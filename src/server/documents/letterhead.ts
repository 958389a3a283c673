import { createHash } from 'node:crypto';
import { detectImage, normaliseImage } from '../core/files';
import { letterheadDetailLines, type OrganisationSettings } from '../../shared/schemas/settings';
import { letterheadGeometry, mmToPt, textWidthMm, type } from './layout';
import { fitSizePt } from './metrics';
import type { Letterhead } from './model';

/** What a renderer needs of the organisation: its settings, and the logo's bytes when one is set. */
export type DocumentSettings = OrganisationSettings & { logo?: Uint8Array | null };

const trustedLogos = new Map<string, Buffer | null>();

/**
 * The logo as the renderers may embed it: uploads are stored normalised (core/files.ts), but a file stored before
 * that (or restored from an old backup) is re-encoded here once per process, within the same pixel limits; a logo
 * that does not decode is left off the letterhead instead of failing every document.
 */
export async function documentLogo(bytes: Uint8Array | null | undefined): Promise<Buffer | null> {
  if (!bytes?.length) return null;
  const key = createHash('sha256').update(bytes).digest('hex');
  if (trustedLogos.has(key)) return trustedLogos.get(key)!;
  const logo = await normaliseImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
    (i) => i.content,
    () => null,
  );
  if (trustedLogos.size >= 16) trustedLogos.delete(trustedLogos.keys().next().value!);
  trustedLogos.set(key, logo);
  return logo;
}

/** Width of the column the letterhead's text is centred in, beside the logo when there is one. */
export function letterheadTextWidthMm(hasLogo: boolean): number {
  return textWidthMm - (hasLogo ? letterheadGeometry.logoMm + letterheadGeometry.logoGapMm : 0);
}

/** The letterhead (kop) printed at the top of the first page; long lines get a smaller size rather than wrap. */
export function letterheadFrom(settings: DocumentSettings): Letterhead {
  const logo = settings.logo && detectImage(settings.logo) ? settings.logo : null;
  // Keep a few millimetres for table cell padding in Word.
  const widthPt = mmToPt(letterheadTextWidthMm(!!logo) - 4);
  const names = settings.unitNameLines.filter((l) => l.trim() !== '');
  return {
    lines: [
      ...names.map((text, i) => {
        const max = i === 0 ? type.letterheadFirstPt : type.letterheadPt;
        return { text, bold: true, sizePt: fitSizePt(text, widthPt, max, max - 4, true) };
      }),
      ...letterheadDetailLines(settings).map((text) => ({
        text,
        bold: false,
        sizePt: fitSizePt(text, widthPt, type.letterheadSmallPt, 8),
      })),
    ],
    logo,
  };
}

/** Pixel size of a PNG or JPEG, to keep the logo's proportions. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] !== 0xff) return null;
  // JPEG: walk the segments to the start-of-frame marker.
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const length = view.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}
