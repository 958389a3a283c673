import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp, { type Metadata } from 'sharp';
import { files } from '../db/schema/index';
import type { Ctx } from './context';
import { DomainError, NotFoundError, ValidationError } from './errors';

/** Uploaded images (logos) are stored in the database, so a backup of it holds them too. */
export const imageMaxBytes = 1024 * 1024;

/** PNG or JPEG by their magic bytes; anything else (SVG with scripts, renamed files) is refused. */
export function detectImage(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Limits of an uploaded image, checked from its header before any pixel is decoded. */
export const imageLimits = { maxSidePx: 4000, maxPixels: 16_000_000, storedMaxPx: 1000 };

// Decoded pixels must not linger in libvips' operation cache between uploads.
sharp.cache(false);

/**
 * Decodes an uploaded PNG or JPEG with libvips and returns a normalised re-encoded copy (at most 1,000 px a side,
 * orientation applied, EXIF and other metadata dropped), so documents and browsers never get the user's bytes.
 * Refuses, with a 4xx in Indonesian, what is not PNG/JPEG by its magic bytes (SVG never reaches a decoder),
 * what does not decode completely, and what is larger than 4,000 px a side or 16 Mpx (read from the header;
 * `limitInputPixels` is the second line).
 */
export async function normaliseImage(
  bytes: Buffer,
  what = 'Logo',
): Promise<{ mime: 'image/png' | 'image/jpeg'; content: Buffer; width: number; height: number }> {
  const mime = detectImage(bytes);
  if (!mime) throw new ValidationError(`${what} harus berupa gambar PNG atau JPEG`, { file: 'Hanya PNG atau JPEG (SVG tidak diterima)' });
  const unreadable = () =>
    new ValidationError(
      `${what} tidak dapat dibaca sebagai gambar ${mime === 'image/png' ? 'PNG' : 'JPEG'} (berkas rusak atau bukan gambar)`,
      {
        file: 'Gambar rusak',
      },
    );
  const input = (limitInputPixels: number | false) => sharp(bytes, { limitInputPixels, failOn: 'error', sequentialRead: true });
  let meta: Metadata;
  try {
    meta = await input(false).metadata(); // the header only: no pixel is decoded here
  } catch {
    throw unreadable();
  }
  if (meta.format !== (mime === 'image/png' ? 'png' : 'jpeg') || !meta.width || !meta.height) throw unreadable();
  const { maxSidePx, maxPixels } = imageLimits;
  if (meta.width > maxSidePx || meta.height > maxSidePx || meta.width * meta.height > maxPixels) {
    throw new ValidationError(
      `${what} terlalu besar: ${meta.width.toLocaleString('id-ID')} x ${meta.height.toLocaleString('id-ID')} piksel. ` +
        `Maksimal ${maxSidePx.toLocaleString('id-ID')} piksel per sisi dan ${maxPixels / 1_000_000} megapiksel; perkecil gambarnya lalu unggah lagi.`,
      { file: `Maksimal ${maxSidePx.toLocaleString('id-ID')} x ${maxSidePx.toLocaleString('id-ID')} piksel` },
    );
  }
  try {
    const pipeline = input(imageLimits.maxPixels)
      .rotate() // applies the EXIF orientation; the output carries no metadata
      .resize({ width: imageLimits.storedMaxPx, height: imageLimits.storedMaxPx, fit: 'inside', withoutEnlargement: true });
    const out =
      mime === 'image/png'
        ? await pipeline.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
        : await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 90, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    return { mime, content: out.data, width: out.info.width, height: out.info.height };
  } catch {
    throw unreadable();
  }
}

/** Checks, normalises and stores an uploaded logo inside the caller's transaction; returns the stored file's metadata. */
export async function storeImage(ctx: Ctx, file: { buffer: Buffer; filename: string }) {
  if (file.buffer.length > imageMaxBytes) throw new DomainError('payload_too_large', 'Logo terlalu besar: maksimal 1 MB');
  const image = await normaliseImage(file.buffer);
  const [stored] = await ctx.db
    .insert(files)
    .values({
      name: file.filename.slice(0, 200),
      mime: image.mime,
      size: image.content.length,
      sha256: createHash('sha256').update(image.content).digest('hex'),
      content: image.content,
    })
    .returning({ id: files.id, name: files.name, mime: files.mime, size: files.size, sha256: files.sha256 });
  return stored!;
}

/**
 * Deletes a replaced file unless something still points at it. Whatever keeps a file declares a foreign key to
 * `files.id` in its own schema (an institution's logo, the letterhead in settings, ...), so the database knows
 * every reference: the delete runs in a savepoint and a foreign key violation (23503) means "still used".
 */
export async function deleteFileIfUnused(ctx: Ctx, fileId: string): Promise<boolean> {
  try {
    await ctx.db.transaction(async (sp) => {
      await sp.delete(files).where(eq(files.id, fileId));
    });
    return true;
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (code === '23503') return false;
    throw e;
  }
}

/** A stored file's bytes, or NotFound with the given message. */
export async function readFile(ctx: Ctx, fileId: string | null | undefined, missing: string) {
  const [row] = fileId
    ? await ctx.db.select({ mime: files.mime, content: files.content, sha256: files.sha256 }).from(files).where(eq(files.id, fileId))
    : [];
  if (!row?.content) throw new NotFoundError(missing);
  return { mime: row.mime, content: row.content, sha256: row.sha256 };
}
