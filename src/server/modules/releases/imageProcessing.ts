import sharp, { type Metadata, type Sharp } from 'sharp';
import { DomainError, ValidationError } from '../../core/errors';
import { detectImage } from '../../core/files';
import { releaseImageWidths, releaseLimits } from '../../../shared/releaseStates';

/** Limits of a release photo, read from its header before any pixel is decoded (camera photos are ~24 Mpx). */
export const releaseImageLimits = { maxSidePx: 8000, maxPixels: 40_000_000, storedMaxPx: 2400 };

export type ProcessedImage = {
  /** The stored original: orientation applied, metadata (EXIF, GPS) dropped, at most 2400 px a side. */
  original: { mime: 'image/png' | 'image/jpeg'; content: Buffer; width: number; height: number };
  /** Each width of releaseImageWidths not above the original's (at least one), in WebP and in the original format. */
  variants: { mime: 'image/webp' | 'image/png' | 'image/jpeg'; content: Buffer; width: number; height: number }[];
};

const mb = (n: number) => (n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 });

/**
 * Checks a release photo by its content and makes its stored copies. Refuses (4xx, in Indonesian) what is not
 * PNG/JPEG by its magic bytes, what is larger than the byte limit, what does not decode completely, and what is
 * larger than 8,000 px a side or 40 Mpx (from the header; `limitInputPixels` is the second line).
 */
export async function processReleaseImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length > releaseLimits.imageMaxBytes) {
    throw new DomainError('payload_too_large', `Gambar terlalu besar: maksimal ${mb(releaseLimits.imageMaxBytes)} MB`);
  }
  const mime = detectImage(bytes);
  if (!mime) {
    throw new DomainError(
      'unsupported_media_type',
      'Berkas ini bukan gambar PNG atau JPEG (diperiksa dari isinya). Unggah foto JPEG atau PNG.',
      {
        fields: { file: 'Hanya PNG atau JPEG' },
      },
    );
  }
  const unreadable = () =>
    new ValidationError(`Gambar tidak dapat dibaca sebagai ${mime === 'image/png' ? 'PNG' : 'JPEG'} (berkas rusak atau bukan gambar)`, {
      file: 'Gambar rusak',
    });
  const input = (limitInputPixels: number | false) => sharp(bytes, { limitInputPixels, failOn: 'error', sequentialRead: true });
  let meta: Metadata;
  try {
    meta = await input(false).metadata();
  } catch {
    throw unreadable();
  }
  if (meta.format !== (mime === 'image/png' ? 'png' : 'jpeg') || !meta.width || !meta.height) throw unreadable();
  const { maxSidePx, maxPixels, storedMaxPx } = releaseImageLimits;
  if (meta.width > maxSidePx || meta.height > maxSidePx || meta.width * meta.height > maxPixels) {
    const message =
      `Gambar terlalu besar: ${meta.width.toLocaleString('id-ID')} x ${meta.height.toLocaleString('id-ID')} piksel. ` +
      `Maksimal ${maxSidePx.toLocaleString('id-ID')} piksel per sisi dan ${maxPixels / 1_000_000} megapiksel.`;
    throw new ValidationError(message, { file: message });
  }
  try {
    const encode = (p: Sharp, as: 'image/png' | 'image/jpeg' | 'image/webp') =>
      as === 'image/webp'
        ? p.webp({ quality: 78, effort: 3 })
        : as === 'image/png'
          ? p.png({ compressionLevel: 8 })
          : p.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
    // Orientation applied, no metadata kept (sharp writes none unless asked), bounded size.
    const base = input(maxPixels).rotate().resize({ width: storedMaxPx, height: storedMaxPx, fit: 'inside', withoutEnlargement: true });
    const orig = await encode(base, mime).toBuffer({ resolveWithObject: true });
    const original = { mime, content: orig.data, width: orig.info.width, height: orig.info.height };
    const widths: number[] = releaseImageWidths.filter((w) => w < original.width);
    if (!widths.length || widths.length < releaseImageWidths.length) widths.push(Math.min(original.width, releaseImageWidths.at(-1)!));
    const variants: ProcessedImage['variants'] = [];
    for (const width of [...new Set(widths)].sort((a, b) => a - b)) {
      for (const as of ['image/webp', mime] as const) {
        const out = await encode(sharp(original.content).resize({ width, withoutEnlargement: true }), as).toBuffer({
          resolveWithObject: true,
        });
        variants.push({ mime: as, content: out.data, width: out.info.width, height: out.info.height });
      }
    }
    return { original, variants };
  } catch {
    throw unreadable();
  }
}
