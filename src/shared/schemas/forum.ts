import { followModes, forumLimits, topicStatuses, topicTypes } from '../forum';
import { isoDateError } from '../dates';
import { optionalText, requiredEnum, requiredText, safeString, uuid, z } from '../zod';
import { versionField } from './version';

/** Shapes of the forum API (see /work/notes/FORUM-API.md): inputs validated on both sides, outputs typed for the SPA. */

const bodyHtml = (label = 'Isi') =>
  safeString()
    .max(forumLimits.bodyHtmlMax, `${label} terlalu panjang (maksimal ${forumLimits.bodyMax.toLocaleString('id-ID')} karakter)`)
    .min(1, `${label} wajib diisi`);
const title = () => requiredText(forumLimits.titleMax, 'Judul').min(forumLimits.titleMin, `Judul minimal ${forumLimits.titleMin} karakter`);
const attachmentIds = () => z.array(uuid()).max(5, 'Maksimal 5 lampiran');
const reason = () =>
  requiredText(forumLimits.reasonMax, 'Alasan').min(forumLimits.reasonMin, `Alasan minimal ${forumLimits.reasonMin} karakter`);
const isoDay = (label: string) =>
  safeString()
    .trim()
    .superRefine((v, ctx) => {
      const error = isoDateError(v);
      if (error) ctx.addIssue({ code: 'custom', message: `${label}: ${error}` });
    });
/** Opaque keyset cursor (base64url); checked again when decoded. */
const cursor = () =>
  safeString()
    .max(500, 'Kursor tidak valid')
    .regex(/^[A-Za-z0-9_-]*$/, 'Kursor tidak valid')
    .optional();

export const topicStatusSchema = requiredEnum(topicStatuses, 'Status');
export const topicTypeSchema = requiredEnum(topicTypes, 'Jenis topik');

export const idParams = z.object({ id: uuid() });

// --- inputs
export const createCategoryBody = z.strictObject({
  name: requiredText(80, 'Nama kategori').min(2, 'Nama kategori minimal 2 karakter'),
  description: optionalText(500),
});
export const updateCategoryBody = z.strictObject({
  version: versionField(),
  name: requiredText(80, 'Nama kategori').min(2, 'Nama kategori minimal 2 karakter').optional(),
  description: optionalText(500),
  position: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
});
export const followBody = z.strictObject({ mode: requiredEnum([...followModes, 'none'] as const, 'Cara mengikuti') });

export const listTopicsQuery = z.object({
  categoryId: uuid().optional(),
  status: topicStatusSchema.optional(),
  type: topicTypeSchema.optional(),
  institutionId: uuid().optional(),
  authorId: uuid().optional(),
  from: isoDay('Dari tanggal').optional(),
  to: isoDay('Sampai tanggal').optional(),
  sort: z.enum(['activity', 'new', 'votes']).default('activity'),
  limit: z.coerce.number().int().min(1).max(100, 'Maksimal 100 baris per halaman').default(20),
  cursor: cursor(),
});
export const createTopicBody = z.strictObject({
  type: topicTypeSchema,
  categoryId: uuid(),
  title: title(),
  bodyHtml: bodyHtml(),
  attachmentIds: attachmentIds().optional(),
});
export const updateTopicBody = z.strictObject({
  version: versionField(),
  type: topicTypeSchema.optional(),
  categoryId: uuid().optional(),
  title: title().optional(),
  bodyHtml: bodyHtml().optional(),
  attachmentIds: attachmentIds().optional(),
});
export const topicStatusBody = z.strictObject({ version: versionField(), status: requiredEnum(['closed', 'open'] as const, 'Status') });
export const solutionBody = z.strictObject({ version: versionField(), replyId: uuid() });
export const hideBody = z.strictObject({ version: versionField(), reason: reason() });
export const versionBody = z.strictObject({ version: versionField() });
export const lockBody = z.strictObject({ version: versionField(), locked: z.boolean() });
export const moveBody = z.strictObject({ version: versionField(), categoryId: uuid() });
export const mergeBody = z.strictObject({ version: versionField(), intoTopicId: uuid() });

export const listRepliesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman').default(50),
  cursor: cursor(),
});
export const createReplyBody = z.strictObject({
  bodyHtml: bodyHtml(),
  quoteReplyId: z.union([uuid(), z.null()]).optional(),
  attachmentIds: attachmentIds().optional(),
});
export const updateReplyBody = z.strictObject({
  version: versionField(),
  bodyHtml: bodyHtml().optional(),
  attachmentIds: attachmentIds().optional(),
});

export const agendaCandidatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });
export const addToAgendaBody = z.strictObject({
  meetingId: uuid(),
  sessionId: uuid(),
  meetingVersion: versionField(),
  topicIds: z.array(uuid()).min(1, 'Pilih minimal satu topik').max(20, 'Maksimal 20 topik sekaligus'),
});

export const searchQuery = z.object({
  q: safeString().trim().min(1, 'Kata kunci wajib diisi').max(200, 'Kata kunci maksimal 200 karakter'),
  categoryId: uuid().optional(),
  status: topicStatusSchema.optional(),
  institutionId: uuid().optional(),
  from: isoDay('Dari tanggal').optional(),
  to: isoDay('Sampai tanggal').optional(),
  limit: z.coerce.number().int().min(1).max(50, 'Maksimal 50 hasil per halaman').default(20),
  cursor: cursor(),
});

export const unsubscribeBody = z.strictObject({
  token: safeString().trim().min(1, 'Tautan berhenti berlangganan tidak valid').max(200, 'Tautan berhenti berlangganan tidak valid'),
});

// --- outputs
const followMode = z.enum(followModes);
export const userRef = z.object({ id: z.string(), name: z.string() });
export const institutionRef = z.union([z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() }), z.null()]);
export const attachmentOutput = z.object({ id: z.string(), name: z.string(), size: z.number().int(), mimeType: z.string() });
export const hiddenOutput = z.union([z.object({ reason: z.string(), at: z.string(), byName: z.string() }), z.null()]);

export const categoryOutput = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  topicCount: z.number().int(),
  openCount: z.number().int(),
  following: followMode.nullable(),
  version: z.number().int(),
});
export const categoryListOutput = z.object({ items: z.array(categoryOutput) });
export const followOutput = z.object({ following: followMode.nullable() });

const topicSummaryFields = {
  id: z.string(),
  type: z.enum(topicTypes),
  title: z.string(),
  status: z.enum(topicStatuses),
  category: z.object({ id: z.string(), name: z.string() }),
  author: userRef,
  institution: institutionRef,
  excerpt: z.string(),
  replyCount: z.number().int(),
  voteCount: z.number().int(),
  locked: z.boolean(),
  hasSolution: z.boolean(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
};
export const topicSummaryOutput = z.object({ ...topicSummaryFields, hidden: z.boolean() });
export const topicListOutput = z.object({ items: z.array(topicSummaryOutput), nextCursor: z.string().nullable() });

export const replyOutput = z.object({
  id: z.string(),
  topicId: z.string(),
  author: userRef,
  institution: institutionRef,
  bodyHtml: z.string().nullable(),
  quote: z.union([z.object({ replyId: z.string(), authorName: z.string(), excerpt: z.string(), hidden: z.boolean() }), z.null()]),
  attachments: z.array(attachmentOutput),
  hidden: hiddenOutput,
  isSolution: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  editableUntil: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), quote: z.boolean(), accept: z.boolean(), hide: z.boolean() }),
});
export const replyListOutput = z.object({ items: z.array(replyOutput), nextCursor: z.string().nullable() });

export const meetingLinkOutput = z.union([
  z.object({
    meetingId: z.string(),
    meetingTitle: z.string(),
    sessionId: z.string(),
    sessionTitle: z.string(),
    day: z.string().nullable(),
    startTime: z.string(),
    label: z.string(),
  }),
  z.null(),
]);

export const topicDetailOutput = z.object({
  ...topicSummaryFields,
  bodyHtml: z.string(),
  attachments: z.array(attachmentOutput),
  hidden: hiddenOutput,
  mergedInto: z.union([z.object({ id: z.string(), title: z.string() }), z.null()]),
  solution: z.union([replyOutput, z.null()]),
  meeting: meetingLinkOutput,
  resolutionId: z.string().nullable(),
  voted: z.boolean(),
  following: followMode.nullable(),
  editedAt: z.string().nullable(),
  editableUntil: z.string().nullable(),
  version: z.number().int(),
  can: z.object({
    edit: z.boolean(),
    reply: z.boolean(),
    vote: z.boolean(),
    accept: z.boolean(),
    close: z.boolean(),
    hide: z.boolean(),
    lock: z.boolean(),
    move: z.boolean(),
    merge: z.boolean(),
    follow: z.boolean(),
    addToAgenda: z.boolean(),
  }),
});
export const voteOutput = z.object({ voted: z.boolean(), voteCount: z.number().int() });

export const agendaCandidatesOutput = z.object({ topics: z.array(topicSummaryOutput) });
export const addToAgendaOutput = z.object({
  meetingVersion: z.number().int(),
  linked: z.array(z.object({ topicId: z.string(), title: z.string() })),
});

export const searchHitOutput = z.object({
  kind: z.enum(['topic', 'reply']),
  topicId: z.string(),
  /** The topic's (also for a reply hit): as in TopicSummary. */
  type: z.enum(topicTypes),
  voteCount: z.number().int(),
  replyCount: z.number().int(),
  locked: z.boolean(),
  hasSolution: z.boolean(),
  replyId: z.string().nullable(),
  title: z.string(),
  snippet: z.string(),
  rank: z.number(),
  category: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(topicStatuses),
  institution: institutionRef,
  author: userRef,
  createdAt: z.string(),
});
export const searchOutput = z.object({ items: z.array(searchHitOutput), nextCursor: z.string().nullable() });

export const unsubscribeOutput = z.object({ ok: z.literal(true), description: z.string() });

export const overviewOutput = z.object({
  openByCategory: z.array(
    z.object({
      categoryId: z.string(),
      name: z.string(),
      lt7: z.number().int(),
      d7to30: z.number().int(),
      gt30: z.number().int(),
      total: z.number().int(),
    }),
  ),
  unanswered: z.array(topicSummaryOutput),
  mostVoted: z.array(topicSummaryOutput),
  activeInstitutions: z.array(
    z.object({ institutionId: z.string(), name: z.string(), topics: z.number().int(), replies: z.number().int(), posts: z.number().int() }),
  ),
});

export type TopicSummary = z.output<typeof topicSummaryOutput>;
export type TopicDetail = z.output<typeof topicDetailOutput>;
export type ForumReply = z.output<typeof replyOutput>;
export type ForumCategory = z.output<typeof categoryOutput>;
export type SearchHit = z.output<typeof searchHitOutput>;
