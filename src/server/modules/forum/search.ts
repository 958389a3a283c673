import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../core/context';
import { ValidationError } from '../../core/errors';
import { authorize } from '../../core/policy';
import type { TopicStatus, TopicType } from '../../../shared/forum';
import type { SearchHit, searchQuery } from '../../../shared/schemas/forum';
import { decodeCursor, encodeCursor, pageOf } from './cursor';

/**
 * Highlight markers ts_headline puts around matches: control characters, which no stored text holds (access.ts).
 * One excerpt around the best match (MaxFragments > 0 costs about seven times as much per hit).
 */
const open = '\u0001';
const close = '\u0002';
const headlineOptions = `StartSel=${open}, StopSel=${close}, MaxWords=30, MinWords=12`;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A snippet safe to render as HTML: everything the database gave back is escaped, then only our own markers become
 * <mark>…</mark> (a marker without its pair is dropped), so a post's text can never inject markup.
 */
export function safeSnippet(headline: string): string {
  let out = '';
  let inMark = false;
  for (const part of headline.split(/([\u0001\u0002])/)) {
    if (part === open) {
      if (!inMark) out += '<mark>';
      inMark = true;
    } else if (part === close) {
      if (inMark) out += '</mark>';
      inMark = false;
    } else out += escapeHtml(part.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''));
  }
  return inMark ? `${out}</mark>` : out;
}

/**
 * Ranking reads every candidate's document, so it is bounded: of a query matching more than this many topics (or
 * replies), the first this many matches found are ranked. A precise query (a rare word, a phrase, several words)
 * matches fewer and is ranked over all its matches; a single very common word gets good matches, not all of them.
 */
export const candidateCap = 500;

type Row = {
  kind: 'topic' | 'reply';
  id: string;
  topic_id: string;
  reply_id: string | null;
  rank: number;
  title: string;
  type: string;
  vote_count: number;
  reply_count: number;
  locked: boolean;
  has_solution: boolean;
  headline: string;
  category_id: string;
  category_name: string;
  status: string;
  institution_id: string | null;
  institution_name: string | null;
  institution_short: string | null;
  author_id: string;
  author_name: string;
  created_at: string | Date;
};

/**
 * Full-text search over topics and replies (PostgreSQL `indonesian` configuration, websearch syntax: "kata kunci",
 * OR, -kata), best first by ts_rank (title counts more than body; see candidateCap), paged by keyset on (rank, id). Hidden and merged
 * posts are not searched. A query of operators or stop words only matches nothing (an empty page, not an error).
 */
export async function searchForum(ctx: Ctx, q: z.output<typeof searchQuery>): Promise<{ items: SearchHit[]; nextCursor: string | null }> {
  authorize(ctx.actor, 'forum.read');
  if (q.from && q.to && q.from > q.to)
    throw new ValidationError('Tanggal awal setelah tanggal akhir', { from: 'Tanggal awal setelah tanggal akhir' });
  const cursor = decodeCursor(q.cursor, 'number');
  const topicWhere: SQL[] = [sql`t.hidden_at is null`, sql`t.merged_into_id is null`];
  if (q.categoryId) topicWhere.push(sql`t.category_id = ${q.categoryId}::uuid`);
  if (q.status) topicWhere.push(sql`t.status = ${q.status}`);
  if (q.institutionId) topicWhere.push(sql`t.institution_id = ${q.institutionId}::uuid`);
  const dateWhere = (col: SQL): SQL[] => [
    ...(q.from ? [sql`${col} >= (${q.from}::date::timestamp at time zone 'Asia/Jakarta')`] : []),
    ...(q.to ? [sql`${col} < (${q.to}::date::timestamp at time zone 'Asia/Jakarta') + interval '1 day'`] : []),
  ];
  const and = (parts: SQL[]) => sql.join(parts, sql` and `);
  const after = cursor ? sql`where (h.rank, h.id) < (${cursor.key}::float8, ${cursor.id}::uuid)` : sql``;
  const query = sql`
    with q as (select websearch_to_tsquery('indonesian', ${q.q}) as query),
    hits as (
      select 'topic' as kind, t.id as id, t.id as topic_id, null::uuid as reply_id, ts_rank(t.search, q.query)::float8 as rank, t.created_at
        from (select t.id, t.search, t.created_at
                from forum_topics t, q
               where numnode(q.query) > 0 and t.search @@ q.query and ${and([...topicWhere, ...dateWhere(sql`t.created_at`)])}
               limit ${candidateCap}) t, q
      union all
      select 'reply', r.id, r.topic_id, r.id, ts_rank(r.search, q.query)::float8, r.created_at
        from (select r.id, r.topic_id, r.search, r.created_at
                from forum_replies r join forum_topics t on t.id = r.topic_id, q
               where numnode(q.query) > 0 and r.search @@ q.query and r.hidden_at is null and ${and([...topicWhere, ...dateWhere(sql`r.created_at`)])}
               limit ${candidateCap}) r, q
    ),
    page as (select * from hits h ${after} order by h.rank desc, h.id desc limit ${q.limit + 1})
    select p.kind, p.id, p.topic_id, p.reply_id, p.rank, p.created_at, t.title, t.type, t.vote_count, t.reply_count, t.locked,
           t.accepted_reply_id is not null as has_solution, t.category_id, c.name as category_name, t.status,
           coalesce(r.institution_id, t.institution_id) as institution_id, i.name as institution_name, i.short_name as institution_short,
           u.id as author_id, u.name as author_name,
           ts_headline('indonesian', case when p.kind = 'topic' then t.title || ' — ' || left(t.body_text, 5000) else left(r.body_text, 5000) end,
                       q.query, ${headlineOptions}) as headline
      from page p
      cross join q
      join forum_topics t on t.id = p.topic_id
      join forum_categories c on c.id = t.category_id
      left join forum_replies r on r.id = p.reply_id
      left join institutions i on i.id = coalesce(r.institution_id, t.institution_id)
      join users u on u.id = coalesce(r.author_id, t.author_id)
     order by p.rank desc, p.id desc`;
  const rows = ((await ctx.db.execute(query)) as unknown as { rows: Row[] }).rows;
  const page = pageOf(rows, q.limit, (last) => encodeCursor(Number(last.rank), last.id));
  return {
    items: page.rows.map((r) => ({
      kind: r.kind,
      topicId: r.topic_id,
      type: r.type as TopicType,
      voteCount: r.vote_count,
      replyCount: r.reply_count,
      locked: r.locked,
      hasSolution: r.has_solution,
      replyId: r.reply_id,
      title: r.title,
      snippet: safeSnippet(r.headline ?? ''),
      rank: Number(r.rank),
      category: { id: r.category_id, name: r.category_name },
      status: r.status as TopicStatus,
      institution:
        r.institution_id && r.institution_name ? { id: r.institution_id, name: r.institution_name, shortName: r.institution_short } : null,
      author: { id: r.author_id, name: r.author_name },
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
