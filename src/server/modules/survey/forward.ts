import { and, asc, eq, sql } from 'drizzle-orm';
import { forumLimits } from '../../../shared/forum';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { forumCategories, surveyResponses } from '../../db/schema/index';
import { activeCategory, createTopic } from '../forum/topics';
import { loadSurveyMeeting } from './results';

/** Where a forwarded suggestion goes unless the committee names a category: "Lainnya", else the first active one. */
const defaultCategoryName = 'Lainnya';

async function defaultCategoryId(ctx: Ctx): Promise<string> {
  const [named] = await ctx.db
    .select({ id: forumCategories.id })
    .from(forumCategories)
    .where(and(eq(forumCategories.active, true), sql`lower(${forumCategories.name}) = lower(${defaultCategoryName})`));
  if (named) return named.id;
  const [first] = await ctx.db
    .select({ id: forumCategories.id })
    .from(forumCategories)
    .where(eq(forumCategories.active, true))
    .orderBy(asc(forumCategories.position))
    .limit(1);
  if (!first) throw new ValidationError('Belum ada kategori forum yang aktif', { categoryId: 'Pilih kategori forum' });
  return first.id;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (s: string) =>
  s
    .split(/\n{2,}|\r\n\r\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');

/**
 * A committee member (one of the meeting's managers) turns a participant's suggestion into a forum topic through the
 * forum's own use case (its sanitising, follows, notifications and audit). The response row is locked and
 * `forwarded_at` set in the same transaction, so a suggestion becomes a topic once (a second try: 409).
 * The topic does not name the participant: survey answers stay anonymous outside the committee.
 */
export async function forwardSuggestion(ctx: Ctx, responseId: string, input: { categoryId?: string }) {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(surveyResponses).where(eq(surveyResponses.id, responseId)).for('update');
    if (!before) throw new NotFoundError('Jawaban survei tidak ditemukan');
    const m = await loadSurveyMeeting(tx, before.meetingId, 'survey.forward');
    if (before.forwardedAt) throw new ConflictError('Saran ini sudah dijadikan topik forum.');
    const suggestion = before.suggestions?.trim() ?? '';
    const topics = before.topicsWanted?.trim() ?? '';
    if (!suggestion && !topics) throw new ValidationError('Jawaban ini tidak berisi saran atau usulan topik untuk diteruskan');
    const categoryId = input.categoryId ? (await activeCategory(tx, input.categoryId)).id : await defaultCategoryId(tx);
    const title = `Usulan peserta ${m.title}`.slice(0, forumLimits.titleMax);
    const bodyHtml = [
      `<p>Saran dari survei umpan balik peserta <strong>${escapeHtml(m.title)}</strong>:</p>`,
      suggestion ? paragraphs(suggestion) : '',
      topics ? `<p><strong>Topik yang diinginkan:</strong></p>${paragraphs(topics)}` : '',
    ].join('');
    const topic = await createTopic(tx, { type: 'information', categoryId, title, bodyHtml });
    const [after] = await tx.db
      .update(surveyResponses)
      .set({ forwardedAt: new Date() })
      .where(eq(surveyResponses.id, responseId))
      .returning();
    await audit(tx, {
      action: 'surveyResponse.forward',
      entityType: 'survey_response',
      entityId: responseId,
      before: { forwardedAt: null },
      after: { forwardedAt: after!.forwardedAt, topicId: topic.id, categoryId },
    });
    return { topicId: topic.id, forwardedAt: after!.forwardedAt!.toISOString() };
  });
}
