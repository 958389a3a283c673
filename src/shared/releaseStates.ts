/** Status sets, categories and limits of the releases module, shared by the database CHECKs, the API and the SPA. */

/**
 * A release's workflow: written (draft), sent for review (submitted), sent back with a comment (rejected),
 * approved by an editor, then published now or scheduled for an embargo time; a published release can be
 * taken down (unpublished) and published again.
 */
export const releaseStatuses = ['draft', 'submitted', 'rejected', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];
export const releaseStatusLabels: Record<ReleaseStatus, string> = {
  draft: 'Draf',
  submitted: 'Menunggu persetujuan',
  rejected: 'Dikembalikan',
  approved: 'Disetujui',
  scheduled: 'Terjadwal (embargo)',
  published: 'Terbit',
  unpublished: 'Ditarik',
};

/** Categories of the portal; the value is also the URL segment (`/kategori/<value>`). */
export const releaseCategories = [
  'pemerintahan',
  'ekonomi',
  'pembangunan',
  'kesehatan',
  'pendidikan',
  'pariwisata',
  'pertanian',
  'sosial',
  'kebencanaan',
  'lingkungan',
  'pengumuman',
] as const;
export type ReleaseCategory = (typeof releaseCategories)[number];
export const releaseCategoryLabels: Record<ReleaseCategory, { id: string; en: string }> = {
  pemerintahan: { id: 'Pemerintahan', en: 'Government' },
  ekonomi: { id: 'Ekonomi', en: 'Economy' },
  pembangunan: { id: 'Pembangunan dan Infrastruktur', en: 'Development and infrastructure' },
  kesehatan: { id: 'Kesehatan', en: 'Health' },
  pendidikan: { id: 'Pendidikan', en: 'Education' },
  pariwisata: { id: 'Pariwisata dan Budaya', en: 'Tourism and culture' },
  pertanian: { id: 'Pertanian dan Pangan', en: 'Agriculture and food' },
  sosial: { id: 'Sosial', en: 'Social affairs' },
  kebencanaan: { id: 'Kebencanaan', en: 'Disasters' },
  lingkungan: { id: 'Lingkungan Hidup', en: 'Environment' },
  pengumuman: { id: 'Pengumuman', en: 'Announcements' },
};

/** Widths every uploaded image is resized to (never enlarged), each in WebP and in the original format. */
export const releaseImageWidths = [480, 960, 1600] as const;

export const releaseLimits = {
  titleMax: 200,
  summaryMax: 600,
  /** Sanitised HTML of the body. */
  bodyMaxChars: 100_000,
  tagsMax: 10,
  tagMax: 40,
  imagesMax: 12,
  imageMaxBytes: 8 * 1024 * 1024,
  attachmentsMax: 10,
  attachmentMaxBytes: 10 * 1024 * 1024,
  slugMax: 120,
  commentMax: 2000,
} as const;

/** Turns a title or tag into a URL segment: lower-case ASCII letters, digits and single hyphens. */
export function slugify(text: string, max: number = releaseLimits.slugMax): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
