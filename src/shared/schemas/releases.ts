import { releaseCategories, releaseLimits, releaseStatuses, slugPattern } from '../releaseStates';
import { email, optionalText, requiredEnum, requiredText, safeString, text, uuid, z } from '../zod';
import { pageQueryFields } from './common';
import { versionField } from './version';

/** Shapes of the releases API (siaran pers): inputs validated on both sides, outputs typed for the SPA. */

const L = releaseLimits;

export const releaseContactSchema = z.strictObject({
  name: requiredText(120, 'Nama narahubung'),
  position: optionalText(160),
  phone: optionalText(40),
  email: z
    .union([email(), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
});

/** The body as the editor sends it (HTML); sanitised on the server. Limit checked on the raw and the sanitised text. */
const bodyField = () =>
  safeString().max(L.bodyMaxChars * 2, `Isi rilis terlalu panjang: maksimal ${L.bodyMaxChars.toLocaleString('id-ID')} karakter`);

const tagsField = () =>
  z
    .array(requiredText(L.tagMax, 'Tag'), { error: 'Tag harus berupa daftar' })
    .max(L.tagsMax, `Maksimal ${L.tagsMax} tag`)
    .transform((tags) => [...new Map(tags.map((t) => [t.toLowerCase(), t])).values()]);

const slugField = () =>
  safeString()
    .trim()
    .toLowerCase()
    .max(L.slugMax, `Slug maksimal ${L.slugMax} karakter`)
    .regex(slugPattern, 'Slug hanya boleh huruf kecil, angka dan tanda hubung (contoh: gubernur-resmikan-jembatan)');

const releaseFields = {
  title: requiredText(L.titleMax, 'Judul'),
  summary: text(L.summaryMax).optional(),
  body: bodyField().optional(),
  category: requiredEnum(releaseCategories, 'Kategori'),
  tags: tagsField().optional(),
  releaseNumber: optionalText(80),
  contact: z.union([releaseContactSchema, z.null()]).optional(),
  slug: z.union([slugField(), z.literal(''), z.null()]).optional(),
};

const instant = (label: string) => z.iso.datetime({ offset: true, error: `${label} harus tanggal dan jam yang valid (ISO 8601)` });
/** The writer's requested embargo time (the editor decides when approving or publishing). */
const requestedPublishAt = () => z.union([instant('Waktu terbit'), z.null()]).optional();

export const createReleaseInput = z.strictObject({ ...releaseFields, publishAt: requestedPublishAt(), institutionId: uuid().optional() });
export const updateReleaseInput = z
  .strictObject({ ...releaseFields, publishAt: requestedPublishAt() })
  .partial()
  .extend({ version: versionField() });

export const versionOnlyInput = z.strictObject({ version: versionField() });
export const approveReleaseInput = z.strictObject({
  version: versionField(),
  comment: optionalText(L.commentMax),
  publishNow: z.boolean().optional(),
  publishAt: instant('Waktu terbit').optional(),
});
export const rejectReleaseInput = z.strictObject({
  version: versionField(),
  comment: requiredText(L.commentMax, 'Catatan untuk penulis'),
});
export const publishReleaseInput = z.strictObject({
  version: versionField(),
  publishAt: z.union([instant('Waktu terbit'), z.null()]).optional(),
  featured: z.boolean().optional(),
});
export const unpublishReleaseInput = z.strictObject({
  version: versionField(),
  reason: requiredText(L.commentMax, 'Alasan penarikan'),
});
export const correctReleaseInput = z
  .strictObject({ ...releaseFields, featured: z.boolean() })
  .omit({ slug: true })
  .partial()
  .extend({
    version: versionField(),
    significant: z.boolean({ error: 'Tandai apakah perubahan ini penting' }),
    note: optionalText(500),
  });
/** The unsaved form of the writing screen (live preview); `releaseId` adds that release's saved images and attachments. */
export const previewReleaseInput = z.strictObject({
  releaseId: uuid().optional(),
  title: text(L.titleMax).optional(),
  summary: text(L.summaryMax).optional(),
  body: bodyField(),
  category: z.enum(releaseCategories).optional(),
  tags: tagsField().optional(),
  releaseNumber: optionalText(80),
  contact: z.union([releaseContactSchema, z.null()]).optional(),
  publishAt: z
    .union([z.iso.datetime({ offset: true, error: 'Waktu terbit harus tanggal dan jam yang valid (ISO 8601)' }), z.null()])
    .optional(),
});
export const imageUpdateInput = z.strictObject({
  version: versionField(),
  alt: requiredText(300, 'Teks alternatif').optional(),
  caption: optionalText(500),
  credit: optionalText(200),
  position: z.number().int().min(0).max(100).optional(),
});
export const setEditorInput = z.strictObject({ editor: z.boolean() });

export const releaseIdParams = z.object({ id: uuid() });
export const releaseImageParams = z.object({ id: uuid(), imageId: uuid() });
export const releaseAttachmentParams = z.object({ id: uuid(), attachmentId: uuid() });
export const editorParams = z.object({ userId: uuid() });
export const editorListQuery = z.object({ ...pageQueryFields });

export const listReleasesQuery = z.object({
  status: z.enum(releaseStatuses).optional(),
  institutionId: uuid().optional(),
  category: z.enum(releaseCategories).optional(),
  q: text(200).optional(),
  mine: z.enum(['1', 'true']).optional(),
  queue: z.enum(['review']).optional(),
  ...pageQueryFields,
});

// ---- outputs ----
const person = z.object({ id: z.string(), name: z.string() });
const institutionRef = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() });
const variantOutput = z.object({ width: z.number(), height: z.number(), mime: z.string(), url: z.string() });
export const releaseImageOutput = z.object({
  id: z.string(),
  position: z.number(),
  alt: z.string(),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
  width: z.number(),
  height: z.number(),
  mime: z.string(),
  url: z.string(),
  variants: z.array(variantOutput),
});
export const releaseAttachmentOutput = z.object({
  id: z.string(),
  position: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  mime: z.string(),
  size: z.number(),
  url: z.string(),
});
export const releaseCanOutput = z.object({
  write: z.boolean(),
  delete: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  publish: z.boolean(),
  correct: z.boolean(),
  unpublish: z.boolean(),
});
export const releaseDetailOutput = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(releaseStatuses),
  statusLabel: z.string(),
  institution: institutionRef,
  author: person.nullable(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  category: z.string(),
  tags: z.array(z.string()),
  tagSlugs: z.array(z.string()),
  releaseNumber: z.string().nullable(),
  contact: z
    .object({ name: z.string(), position: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  slug: z.string(),
  featured: z.boolean(),
  publishAt: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  path: z.string().nullable(),
  publicUrl: z.string().nullable(),
  unpublishedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: person.nullable(),
  reviewComment: z.string().nullable(),
  correctedAt: z.string().nullable(),
  correctionNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  images: z.array(releaseImageOutput),
  attachments: z.array(releaseAttachmentOutput),
  revisions: z.array(
    z.object({
      revision: z.number(),
      title: z.string(),
      significant: z.boolean(),
      note: z.string().nullable(),
      editor: person.nullable(),
      createdAt: z.string(),
    }),
  ),
  can: releaseCanOutput,
});
export type ReleaseDetail = z.output<typeof releaseDetailOutput>;

export const releaseListItemOutput = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(releaseStatuses),
  statusLabel: z.string(),
  title: z.string(),
  institution: institutionRef,
  author: person.nullable(),
  category: z.string(),
  slug: z.string(),
  publishAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  imageCount: z.number(),
});
export const releaseListOutput = z.object({ items: z.array(releaseListItemOutput), total: z.number().int() });

export const releaseMetaOutput = z.object({
  categories: z.array(z.object({ value: z.string(), label: z.string() })),
  statuses: z.array(z.object({ value: z.string(), label: z.string() })),
  isEditor: z.boolean(),
  limits: z.object({
    titleMax: z.number(),
    summaryMax: z.number(),
    bodyMaxChars: z.number(),
    tagsMax: z.number(),
    imagesMax: z.number(),
    imageMaxBytes: z.number(),
    attachmentsMax: z.number(),
    attachmentMaxBytes: z.number(),
  }),
  imageWidths: z.array(z.number()),
  institutions: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const imageWriteOutput = z.object({ image: releaseImageOutput, releaseVersion: z.number() });
export const attachmentWriteOutput = z.object({ attachment: releaseAttachmentOutput, releaseVersion: z.number() });
export const removedOutput = z.object({ ok: z.literal(true), releaseVersion: z.number() });
export const previewOutput = z.object({ html: z.string(), body: z.string(), text: z.string(), words: z.number() });
export const articlePreviewOutput = z.object({ html: z.string() });
export const editorListOutput = z.object({
  items: z.array(
    z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.string(), institution: z.string().nullable() }),
  ),
  total: z.number().int(),
});
export const setEditorOutput = z.object({ userId: z.string(), editor: z.boolean() });
