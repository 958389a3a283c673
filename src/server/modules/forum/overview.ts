import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../core/context';
import { authorize } from '../../core/policy';
import { forumTopics } from '../../db/schema/index';
import type { overviewOutput } from '../../../shared/schemas/forum';
import { presentSummary, selectSummaries } from './present';
import { descIndexed } from './topics';

/**
 * The bureau's overview: open topics by category and age, open topics without a visible reply for more than
 * 7 days, the most voted open ones, and the institutions that posted most in the last 90 days.
 */
export async function forumOverview(ctx: Ctx): Promise<z.output<typeof overviewOutput>> {
  authorize(ctx.actor, 'forum.moderate');
  const visible = and(isNull(forumTopics.hiddenAt), isNull(forumTopics.mergedIntoId));
  const rows = <T>(q: ReturnType<typeof sql>) => ctx.db.execute(q).then((r) => (r as unknown as { rows: T[] }).rows);
  const [byCategory, unanswered, mostVoted, institutions] = await Promise.all([
    rows<{ category_id: string; name: string; lt7: number; d7to30: number; gt30: number; total: number }>(sql`
      select c.id as category_id, c.name,
             count(t.id) filter (where t.created_at > now() - interval '7 days')::int as lt7,
             count(t.id) filter (where t.created_at <= now() - interval '7 days' and t.created_at > now() - interval '30 days')::int as d7to30,
             count(t.id) filter (where t.created_at <= now() - interval '30 days')::int as gt30,
             count(t.id)::int as total
        from forum_categories c
        left join forum_topics t on t.category_id = c.id and t.status = 'open' and t.hidden_at is null and t.merged_into_id is null
       where c.active or t.id is not null
       group by c.id, c.name, c.position
       order by c.position, c.name`),
    selectSummaries(ctx)
      .where(
        and(
          visible,
          eq(forumTopics.status, 'open'),
          sql`${forumTopics.createdAt} < now() - interval '7 days'`,
          sql`not exists (select 1 from forum_replies r where r.topic_id = ${forumTopics.id} and r.hidden_at is null)`,
        ),
      )
      .orderBy(asc(forumTopics.createdAt))
      .limit(20),
    selectSummaries(ctx)
      .where(and(visible, inArray(forumTopics.status, ['open', 'answered'])))
      .orderBy(descIndexed(forumTopics.voteCount), descIndexed(forumTopics.id))
      .limit(10),
    rows<{ institution_id: string; name: string; topics: number; replies: number }>(sql`
      with posts as (
        select institution_id, 1 as topic, 0 as reply from forum_topics where created_at > now() - interval '90 days' and institution_id is not null and hidden_at is null
        union all
        select institution_id, 0, 1 from forum_replies where created_at > now() - interval '90 days' and institution_id is not null and hidden_at is null
      )
      select p.institution_id, i.name, sum(p.topic)::int as topics, sum(p.reply)::int as replies
        from posts p join institutions i on i.id = p.institution_id
       group by p.institution_id, i.name
       order by count(*) desc, i.name
       limit 10`),
  ]);
  return {
    openByCategory: byCategory.map((r) => ({
      categoryId: r.category_id,
      name: r.name,
      lt7: r.lt7,
      d7to30: r.d7to30,
      gt30: r.gt30,
      total: r.total,
    })),
    unanswered: unanswered.map(presentSummary),
    mostVoted: mostVoted.map(presentSummary),
    activeInstitutions: institutions.map((r) => ({
      institutionId: r.institution_id,
      name: r.name,
      topics: r.topics,
      replies: r.replies,
      posts: r.topics + r.replies,
    })),
  };
}
