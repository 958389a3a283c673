import { eq } from 'drizzle-orm';
import type { Session, TestApp } from '../helpers/testApp';
import { forumCategories } from '../../src/server/db/schema/index';

/** The seeded categories (the migration inserts the eight), by name. */
export async function forumCategoryId(t: TestApp, name = 'Hubungan media'): Promise<string> {
  const [c] = await t.database.db.select({ id: forumCategories.id }).from(forumCategories).where(eq(forumCategories.name, name));
  if (!c) throw new Error(`no forum category ${name}`);
  return c.id;
}

/** Opens a topic through the API and returns its answer (throws on a non-201). */
export async function postTopic(
  t: TestApp,
  session: Session,
  over: { title?: string; bodyHtml?: string; categoryId?: string; type?: 'problem' | 'information' } = {},
) {
  const res = await session.request('POST', '/api/forum/topics', {
    type: over.type ?? 'problem',
    categoryId: over.categoryId ?? (await forumCategoryId(t)),
    title: over.title ?? 'Wartawan meminta data anggaran yang belum final',
    bodyHtml: over.bodyHtml ?? '<p>Bagaimana menjawab permintaan data anggaran yang <strong>belum final</strong>?</p>',
  });
  if (res.statusCode !== 201) throw new Error(`topic: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; [k: string]: unknown };
}

export async function postReply(
  session: Session,
  topicId: string,
  bodyHtml = '<p>Kami biasanya menjawab dengan rilis singkat.</p>',
  quoteReplyId?: string,
) {
  const res = await session.request('POST', `/api/forum/topics/${topicId}/replies`, {
    bodyHtml,
    ...(quoteReplyId ? { quoteReplyId } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`reply: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; [k: string]: unknown };
}
