import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from './errors';

/** The type of an uploaded document by its content (never its name or the browser's claim), or a 415 in Indonesian. */
export async function sniffDocument(
  bytes: Buffer,
  allowed: Record<string, string>,
  allowedText: string,
): Promise<{ mime: string; ext: string }> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !allowed[found.mime]) {
    throw new DomainError(
      'unsupported_media_type',
      `Jenis berkas tidak diizinkan: hanya ${allowedText}${found ? ` (berkas ini ${found.ext.toUpperCase()})` : ''}. Nama berkas tidak menentukan jenisnya; isi berkas diperiksa.`,
    );
  }
  return { mime: found.mime, ext: allowed[found.mime]! };
}

/**
 * The name an uploaded document is downloaded under: the uploaded name without folders, control and
 * bidirectional-override characters (which could disguise the extension), at most 150 characters, with the
 * extension its content earned; `fallback` when nothing is left.
 */
export function downloadName(original: string, ext: string, fallback: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[:*?"<>|]+/g, '-')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+/, '')
    .trim()
    .slice(0, 150)
    .trim();
  return `${base || fallback}.${ext}`;
}
