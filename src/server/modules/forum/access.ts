import { eq, sql, type SQL } from 'drizzle-orm';
import { audit } from '../../core/audit';
import { assertVersion } from '../../core/aggregate';
import { inTransaction, type Actor, type Ctx } from '../../core/context';
import { ForbiddenError, NotFoundError, StateError, ValidationError } from '../../core/errors';
import { authorize, can, type Action } from '../../core/policy';
import { isBlankRichText, richTextToPlain, sanitizeRichText } from '../../core/richText';
import { forumReplies, forumTopics } from '../../db/schema/index';
import { forumEditWindowMinutes, forumLimits } from '../../../shared/forum';
import { forumClock } from './clock';

/** A topic as the module reads it: without its search document (a large tsvector no answer needs). */
export type TopicRow = Omit<typeof forumTopics.$inferSelect, 'search'>;
export type ReplyRow = typeof forumReplies.$inferSelect;
type User = Extract<Actor, { kind: 'user' }>;
export type AuditEntry = Parameters<typeof audit>[1];

export const topicNotFound = 'Topik tidak ditemukan';
export const replyNotFound = 'Balasan tidak ditemukan';

/** The bureau (committee and administrators) moderates and edits any post at any time. */
export const isBureau = (actor: Actor): boolean => actor.kind === 'user' && (actor.role === 'admin' || actor.role === 'committee');

/** What the policy reads of a post: its author and the author's institution. */
export const postSubject = (row: { authorId: string; institutionId: string | null }) => ({
  ownerId: row.authorId,
  institutionId: row.institutionId,
});

/** 401/403 by role; then, on the row, a 403 that says why (a post everybody can read is no secret: not a 404). */
export function permit(
  actor: Actor,
  action: Action,
  row: { authorId: string; institutionId: string | null },
  message: string,
): asserts actor is User {
  authorize(actor, action);
  if (!can(actor, action, postSubject(row))) throw new ForbiddenError(message);
}

/** The end of an author's edit window, or null when the actor edits without limit (the bureau). */
export function editableUntil(actor: Actor, row: { createdAt: Date }): Date | null {
  if (isBureau(actor)) return null;
  return new Date(row.createdAt.getTime() + forumEditWindowMinutes * 60_000);
}

export function withinEditWindow(actor: Actor, row: { createdAt: Date }): boolean {
  const until = editableUntil(actor, row);
  return !until || forumClock.now() <= until;
}

export function assertEditWindow(actor: Actor, row: { createdAt: Date }): void {
  if (!withinEditWindow(actor, row))
    throw new StateError(
      `Batas waktu penyuntingan (${forumEditWindowMinutes} menit setelah dikirim) sudah lewat. Tulis balasan baru untuk menambahkan keterangan.`,
    );
}

/** A topic the actor may see: hidden topics only for the bureau; otherwise 404. */
export function assertVisible(actor: Actor, topic: TopicRow | undefined): asserts topic is TopicRow {
  if (!topic || (topic.hiddenAt && !isBureau(actor))) throw new NotFoundError(topicNotFound);
}

/** Why a topic takes no replies or votes now (null = it does). */
export function closedForParticipation(
  topic: Pick<TopicRow, 'mergedIntoId' | 'hiddenAt' | 'locked'>,
  what: 'balasan' | 'suara',
): string | null {
  if (topic.mergedIntoId) return `Topik ini sudah digabungkan ke topik lain; kirim ${what} di topik tujuan.`;
  if (topic.hiddenAt) return `Topik ini disembunyikan oleh biro; tidak dapat menerima ${what}.`;
  if (topic.locked) return `Topik ini dikunci oleh biro; tidak dapat menerima ${what}.`;
  return null;
}

const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Sanitises a post's rich text (core/richText.ts) and derives its visible text. Control characters (which an
 * entity such as `&#1;` could smuggle in) are dropped from both. Empty or over-long text is a 400.
 */
export function cleanBody(html: string, field = 'bodyHtml'): { bodyHtml: string; bodyText: string } {
  const bodyHtml = sanitizeRichText(html).replace(controlChars, '');
  const bodyText = richTextToPlain(bodyHtml).replace(controlChars, '');
  if (isBlankRichText(bodyHtml) || !bodyText)
    throw new ValidationError('Isi tulisan kosong: tulis teksnya (skrip, gaya dan tag yang tidak diizinkan dibuang).', {
      [field]: 'Isi wajib diisi',
    });
  if (bodyText.length > forumLimits.bodyMax)
    throw new ValidationError(`Isi tulisan terlalu panjang: maksimal ${forumLimits.bodyMax.toLocaleString('id-ID')} karakter`, {
      [field]: `Maksimal ${forumLimits.bodyMax.toLocaleString('id-ID')} karakter`,
    });
  return { bodyHtml, bodyText };
}

export const excerptOf = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

/**
 * The write path of a topic or a reply (each its own aggregate root): in one transaction, lock the row, check it is
 * visible, check the permission against it (`check`), refuse a stale version, bump the version, run the change and
 * write its audit rows.
 */
export async function writePost<Row extends { id: string; version: number }, T>(
  ctx: Ctx,
  table: typeof forumTopics | typeof forumReplies,
  id: string,
  version: number | null,
  check: (tx: Ctx, row: Row) => Promise<void> | void,
  change: (tx: Ctx, row: Row) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  authorize(ctx.actor, 'forum.read');
  return inTransaction(ctx, async (tx) => {
    const [row] = (await tx.db
      .select()
      .from(table as typeof forumTopics)
      .where(eq(table.id, id))
      .for('update')) as unknown as Row[];
    if (!row) throw new NotFoundError(table === forumTopics ? topicNotFound : replyNotFound);
    await check(tx, row);
    if (version !== null) {
      assertVersion(row.version, version);
      await tx.db
        .update(table)
        .set({ version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
        .where(eq(table.id, id));
    }
    const { result, audit: entries } = await change(tx, row);
    for (const entry of Array.isArray(entries) ? entries : [entries]) await audit(tx, entry);
    return result;
  });
}

/** Loads a topic inside a transaction with its row locked (replies and votes serialise on it). */
export async function lockTopic(tx: Ctx, id: string): Promise<TopicRow | undefined> {
  const [row] = await tx.db.select().from(forumTopics).where(eq(forumTopics.id, id)).for('update');
  return row;
}

export type Where = SQL | undefined;
