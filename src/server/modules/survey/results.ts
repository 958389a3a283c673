import { and, asc, count, countDistinct, eq, isNull } from 'drizzle-orm';
import type { SurveyResults } from '../../../shared/schemas/survey';
import type { Ctx } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { authorize, can, type Action } from '../../core/policy';
import { checkIns, institutions, registrations, surveyResponses, surveySessionRatings } from '../../db/schema/index';
import { meetingRoot } from '../meetings/meetingRoot';
import { meetingSessions } from './ticketView';

/** The meeting whose survey is read or acted on, after the policy said yes (403 for the role, 404 for the row). */
export async function loadSurveyMeeting(ctx: Ctx, meetingId: string, action: Action) {
  authorize(ctx.actor, action);
  const m = await meetingRoot.load!(ctx, meetingId);
  if (!m) throw new NotFoundError('Rapat tidak ditemukan');
  authorize(ctx.actor, action, { managerIds: m.managerIds });
  return m;
}

const emptyDistribution = () => [0, 0, 0, 0, 0];
const round2 = (n: number) => Math.round(n * 100) / 100;
function summarise(rows: { score: number; n: number }[]) {
  const distribution = emptyDistribution();
  for (const r of rows) distribution[r.score - 1]! += r.n;
  const total = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return { count: total, average: total ? round2(sum / total) : null, distribution };
}

/** The survey's figures for the committee: responses against attendees, averages and distributions, the suggestions. */
export async function surveyResults(ctx: Ctx, meetingId: string): Promise<SurveyResults> {
  const m = await loadSurveyMeeting(ctx, meetingId, 'survey.read');
  const [[attendance], sessions, usefulness, ratings, answers] = await Promise.all([
    ctx.db
      .select({ n: countDistinct(checkIns.registrationId) })
      .from(checkIns)
      .innerJoin(registrations, eq(registrations.id, checkIns.registrationId))
      .where(and(eq(checkIns.meetingId, m.id), isNull(registrations.cancelledAt))),
    meetingSessions(ctx.db, m.id),
    ctx.db
      .select({ score: surveyResponses.usefulness, n: count() })
      .from(surveyResponses)
      .where(eq(surveyResponses.meetingId, m.id))
      .groupBy(surveyResponses.usefulness),
    ctx.db
      .select({ sessionId: surveySessionRatings.sessionId, score: surveySessionRatings.rating, n: count() })
      .from(surveySessionRatings)
      .innerJoin(surveyResponses, eq(surveyResponses.id, surveySessionRatings.responseId))
      .where(eq(surveyResponses.meetingId, m.id))
      .groupBy(surveySessionRatings.sessionId, surveySessionRatings.rating),
    ctx.db
      .select({
        id: surveyResponses.id,
        usefulness: surveyResponses.usefulness,
        suggestions: surveyResponses.suggestions,
        topicsWanted: surveyResponses.topicsWanted,
        institution: institutions.name,
        forwardedAt: surveyResponses.forwardedAt,
        createdAt: surveyResponses.createdAt,
      })
      .from(surveyResponses)
      .innerJoin(registrations, eq(registrations.id, surveyResponses.registrationId))
      .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
      .where(eq(surveyResponses.meetingId, m.id))
      .orderBy(asc(surveyResponses.createdAt), asc(surveyResponses.id)),
  ]);
  const u = summarise(usefulness);
  return {
    meeting: { id: m.id, title: m.title, status: m.status },
    responses: u.count,
    attendees: attendance?.n ?? 0,
    usefulness: { average: u.average, distribution: u.distribution },
    sessions: sessions.map((s) => ({ id: s.id, title: s.title, time: s.time, ...summarise(ratings.filter((r) => r.sessionId === s.id)) })),
    answers: answers.map((a) => ({
      ...a,
      forwardedAt: a.forwardedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    can: { forward: can(ctx.actor, 'survey.forward', { managerIds: m.managerIds }) },
  };
}
