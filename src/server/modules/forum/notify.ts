import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { defineQueue, type JobContext } from '../../core/jobs';
import { enqueueMail } from '../../core/mailOutbox';
import { forumCategories, forumFollows, forumReplies, forumTopics, forumUnsubscribeTokens, users } from '../../db/schema/index';
import { excerptOf, type ReplyRow, type TopicRow } from './access';
import { forumClock } from './clock';

/** Unsubscribe links in forum mail work without logging in for this long. */
const unsubscribeDays = 180;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const topicUrl = (ctx: Pick<Ctx, 'config'>, id: string) => `${ctx.config.publicUrl}/app/forum/topics/${id}`;
const unsubscribeUrl = (ctx: Pick<Ctx, 'config'>, token: string) => `${ctx.config.publicUrl}/app/forum/unsubscribe?token=${token}`;

/** A fresh unsubscribe token for one follow (or, followId null, every digest follow of the user); only its hash is kept. */
async function issueUnsubscribeToken(tx: Pick<Ctx, 'db'>, userId: string, followId: string | null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.db.insert(forumUnsubscribeTokens).values({
    tokenHash: hashToken(token),
    userId,
    followId,
    expiresAt: new Date(forumClock.now().getTime() + unsubscribeDays * 86_400_000),
  });
  return token;
}

const footer = (ctx: Pick<Ctx, 'config'>, token: string, what: string) =>
  `\n\n--\nAnda menerima e-mail ini karena mengikuti ${what} di forum koordinasi Simpul.\nBerhenti mengikuti (tanpa masuk): ${unsubscribeUrl(ctx, token)}\n\nSimpul - Koordinasi Kehumasan`;

/** Immediate followers of the topic (except the writer) get the new reply by mail, in the reply's transaction. */
export async function notifyReply(tx: Ctx, topic: TopicRow, reply: ReplyRow, authorName: string): Promise<void> {
  const followers = await tx.db
    .select({ followId: forumFollows.id, userId: users.id, email: users.email, name: users.name })
    .from(forumFollows)
    .innerJoin(users, eq(users.id, forumFollows.userId))
    .where(
      and(
        eq(forumFollows.topicId, topic.id),
        eq(forumFollows.mode, 'immediate'),
        ne(forumFollows.userId, reply.authorId),
        eq(users.active, true),
      ),
    );
  for (const f of followers) {
    const token = await issueUnsubscribeToken(tx, f.userId, f.followId);
    await enqueueMail(tx, {
      to: f.email,
      subject: `[Forum Simpul] Balasan baru: ${excerptOf(topic.title, 120)}`,
      text: `Yth. ${f.name},\n\n${authorName} membalas topik "${topic.title}":\n\n${excerptOf(reply.bodyText, 1000)}\n\nBaca dan balas: ${topicUrl(tx, topic.id)}${footer(tx, token, 'topik ini')}`,
      related: { type: 'forum_reply', id: reply.id },
    });
  }
}

/** Immediate followers of the category (except the author) get the new topic by mail. */
export async function notifyTopic(tx: Ctx, topic: TopicRow, authorName: string, categoryName: string): Promise<void> {
  const followers = await tx.db
    .select({ followId: forumFollows.id, userId: users.id, email: users.email, name: users.name })
    .from(forumFollows)
    .innerJoin(users, eq(users.id, forumFollows.userId))
    .where(
      and(
        eq(forumFollows.categoryId, topic.categoryId),
        eq(forumFollows.mode, 'immediate'),
        ne(forumFollows.userId, topic.authorId),
        eq(users.active, true),
      ),
    );
  for (const f of followers) {
    const token = await issueUnsubscribeToken(tx, f.userId, f.followId);
    await enqueueMail(tx, {
      to: f.email,
      subject: `[Forum Simpul] Topik baru di ${categoryName}: ${excerptOf(topic.title, 120)}`,
      text: `Yth. ${f.name},\n\n${authorName} membuka topik baru di kategori ${categoryName}:\n\n${topic.title}\n${excerptOf(topic.bodyText, 1000)}\n\nBaca dan balas: ${topicUrl(tx, topic.id)}${footer(tx, token, `kategori ${categoryName}`)}`,
      related: { type: 'forum_topic', id: topic.id },
    });
  }
}

/**
 * The daily digest (07.00 WIB): for each user with digest follows, one mail listing the new topics in the followed
 * categories and the new replies in the followed topics since that follow's last digest (not their own posts, not
 * hidden or merged ones). Each user is done in its own transaction, so a rerun after a crash never repeats a mail.
 */
export async function sendForumDigests(jc: Pick<JobContext, 'db' | 'config'>): Promise<{ mails: number }> {
  const now = forumClock.now();
  const subscribers = await jc.db
    .selectDistinct({ userId: forumFollows.userId })
    .from(forumFollows)
    .innerJoin(users, eq(users.id, forumFollows.userId))
    .where(and(eq(forumFollows.mode, 'digest'), eq(users.active, true)));
  let mails = 0;
  for (const { userId } of subscribers) {
    const sent = await jc.db.transaction(async (db) => {
      const tx = { db: db as unknown as Ctx['db'], config: jc.config };
      const follows = await tx.db
        .select()
        .from(forumFollows)
        .where(and(eq(forumFollows.userId, userId), eq(forumFollows.mode, 'digest'), lte(forumFollows.digestedUntil, now)))
        .for('update', { skipLocked: true });
      if (!follows.length) return false;
      const lines: string[] = [];
      for (const f of follows) {
        if (f.categoryId) {
          const topics = await tx.db
            .select({ id: forumTopics.id, title: forumTopics.title, category: forumCategories.name, author: users.name })
            .from(forumTopics)
            .innerJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
            .innerJoin(users, eq(users.id, forumTopics.authorId))
            .where(
              and(
                eq(forumTopics.categoryId, f.categoryId),
                gt(forumTopics.createdAt, f.digestedUntil),
                lte(forumTopics.createdAt, now),
                ne(forumTopics.authorId, userId),
                isNull(forumTopics.hiddenAt),
                isNull(forumTopics.mergedIntoId),
              ),
            )
            .orderBy(asc(forumTopics.createdAt))
            .limit(50);
          for (const t of topics) lines.push(`- Topik baru di ${t.category}: "${t.title}" oleh ${t.author}\n  ${topicUrl(jc, t.id)}`);
        } else if (f.topicId) {
          const [row] = await tx.db
            .select({ n: sql<number>`count(*)::int`, title: sql<string>`max(${forumTopics.title})` })
            .from(forumReplies)
            .innerJoin(forumTopics, eq(forumTopics.id, forumReplies.topicId))
            .where(
              and(
                eq(forumReplies.topicId, f.topicId),
                gt(forumReplies.createdAt, f.digestedUntil),
                lte(forumReplies.createdAt, now),
                ne(forumReplies.authorId, userId),
                isNull(forumReplies.hiddenAt),
                isNull(forumTopics.hiddenAt),
              ),
            );
          if (row && row.n > 0) lines.push(`- ${row.n} balasan baru di "${row.title}"\n  ${topicUrl(jc, f.topicId)}`);
        }
      }
      await tx.db
        .update(forumFollows)
        .set({ digestedUntil: now })
        .where(
          inArray(
            forumFollows.id,
            follows.map((f) => f.id),
          ),
        );
      if (!lines.length) return false;
      const [user] = await tx.db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
      const token = await issueUnsubscribeToken(tx, userId, null);
      await enqueueMail(tx, {
        to: user!.email,
        subject: `[Forum Simpul] Ringkasan harian: ${lines.length} kabar baru`,
        text: `Yth. ${user!.name},\n\nKabar baru di forum koordinasi sejak ringkasan sebelumnya:\n\n${lines.join('\n')}${footer(jc, token, 'topik dan kategori dengan ringkasan harian')}`,
        related: { type: 'user', id: userId },
      });
      return true;
    });
    if (sent) mails += 1;
  }
  return { mails };
}

export const forumDigestQueue = defineQueue({
  name: 'forum_digest',
  label: 'Ringkasan harian forum (07.00 WIB)',
  schema: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 1800,
  cron: { expression: '0 7 * * *', data: {} },
  handler: (_data, jc) => sendForumDigests(jc),
});

/** Uses an unsubscribe link (no login): stops the follow it names, or every digest follow. Answers what stopped. */
export async function unsubscribe(ctx: Ctx, token: string): Promise<{ ok: true; description: string }> {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(forumUnsubscribeTokens)
      .where(and(eq(forumUnsubscribeTokens.tokenHash, hashToken(token)), gt(forumUnsubscribeTokens.expiresAt, forumClock.now())))
      // Locked: two clicks at once on one link do the work (and write the audit row) once; the second finds it spent.
      .for('update');
    if (!row)
      throw new NotFoundError(
        'Tautan berhenti berlangganan tidak dikenal atau sudah kedaluwarsa. Masuk ke Simpul untuk mengatur langganan forum.',
      );
    if (row.followId) {
      const [f] = await tx.db
        .select({ follow: forumFollows, topicTitle: forumTopics.title, categoryName: forumCategories.name })
        .from(forumFollows)
        .leftJoin(forumTopics, eq(forumTopics.id, forumFollows.topicId))
        .leftJoin(forumCategories, eq(forumCategories.id, forumFollows.categoryId))
        .where(eq(forumFollows.id, row.followId));
      if (f) {
        await tx.db.delete(forumFollows).where(eq(forumFollows.id, f.follow.id));
        await audit(tx, { action: 'forumFollow.unsubscribe', entityType: 'forum_follow', entityId: f.follow.id, before: f.follow });
        return {
          ok: true as const,
          description: f.topicTitle
            ? `Anda tidak lagi mengikuti topik "${f.topicTitle}".`
            : `Anda tidak lagi mengikuti kategori "${f.categoryName}".`,
        };
      }
      return { ok: true as const, description: 'Anda sudah tidak mengikuti topik atau kategori ini.' };
    }
    const removed = await tx.db
      .delete(forumFollows)
      .where(and(eq(forumFollows.userId, row.userId), eq(forumFollows.mode, 'digest')))
      .returning();
    if (removed.length) await audit(tx, { action: 'forumFollow.unsubscribe', entityType: 'forum_follow', entityId: null, before: removed });
    return {
      ok: true as const,
      description: 'Anda tidak lagi menerima ringkasan harian forum (semua topik dan kategori dengan ringkasan harian).',
    };
  });
}

/** Follows (or stops following) a topic or a category; answers the mode now in force. */
export async function setFollow(
  ctx: Ctx,
  target: { topicId: string } | { categoryId: string },
  userId: string,
  mode: 'immediate' | 'digest' | 'none',
): Promise<{ following: 'immediate' | 'digest' | null }> {
  const where =
    'topicId' in target
      ? and(eq(forumFollows.topicId, target.topicId), eq(forumFollows.userId, userId))
      : and(eq(forumFollows.categoryId, target.categoryId), eq(forumFollows.userId, userId));
  const [before] = await ctx.db.select().from(forumFollows).where(where).for('update');
  if (mode === 'none') {
    if (before) {
      await ctx.db.delete(forumFollows).where(eq(forumFollows.id, before.id));
      await audit(ctx, { action: 'forumFollow.update', entityType: 'forum_follow', entityId: before.id, before, after: null });
    }
    return { following: null };
  }
  if (before?.mode === mode) return { following: mode };
  const [after] = before
    ? await ctx.db.update(forumFollows).set({ mode, digestedUntil: forumClock.now() }).where(eq(forumFollows.id, before.id)).returning()
    : await ctx.db
        .insert(forumFollows)
        .values({ userId, mode, digestedUntil: forumClock.now(), ...target })
        .onConflictDoNothing()
        .returning();
  if (after)
    await audit(ctx, { action: 'forumFollow.update', entityType: 'forum_follow', entityId: after.id, before: before ?? null, after });
  return { following: mode };
}
