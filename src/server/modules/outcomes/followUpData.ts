import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { can } from '../../core/policy';
import { followUpInstitutions, followUps, institutions, meetingManagers, meetings, resolutions } from '../../db/schema/index';
import { closedFollowUpStatuses, type FollowUpStatus } from '../../../shared/outcomes';
import type { FollowUp } from '../../../shared/schemas/outcomes';
import { jakartaIsoDate } from '../../../shared/dates';

export type FollowUpRow = typeof followUps.$inferSelect;

/** Overdue: still open and its due date (WIB) has passed. */
export function isOverdue(row: Pick<FollowUpRow, 'status' | 'dueDate'>, today = jakartaIsoDate(new Date())): boolean {
  return !closedFollowUpStatuses.includes(row.status as FollowUpStatus) && row.dueDate < today;
}

/** Responsible institutions of each follow-up. */
export async function institutionsOf(ctx: Ctx, ids: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const map = new Map<string, { id: string; name: string }[]>();
  if (!ids.length) return map;
  const rows = await ctx.db
    .select({ followUpId: followUpInstitutions.followUpId, id: institutions.id, name: institutions.name })
    .from(followUpInstitutions)
    .innerJoin(institutions, eq(institutions.id, followUpInstitutions.institutionId))
    .where(inArray(followUpInstitutions.followUpId, ids))
    .orderBy(asc(institutions.name));
  for (const r of rows) map.set(r.followUpId, [...(map.get(r.followUpId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

/** The policy subject of a follow-up: its responsible institutions and its meeting's managers. */
export async function followUpSubject(ctx: Ctx, row: Pick<FollowUpRow, 'id' | 'meetingId'>) {
  const inst = await ctx.db
    .select({ id: followUpInstitutions.institutionId })
    .from(followUpInstitutions)
    .where(eq(followUpInstitutions.followUpId, row.id));
  const managers = await managersOf(ctx, [row.meetingId]);
  return { institutionIds: inst.map((i) => i.id), managerIds: managers.get(row.meetingId) ?? [] };
}

/** Follow-ups as the API answers them, in the given order. */
export async function presentFollowUps(ctx: Ctx, rows: FollowUpRow[], managerIdsByMeeting: Map<string, string[]>): Promise<FollowUp[]> {
  if (!rows.length) return [];
  const inst = await institutionsOf(
    ctx,
    rows.map((r) => r.id),
  );
  const resIds = [...new Set(rows.map((r) => r.resolutionId))];
  const res = new Map(
    (
      await ctx.db
        .select({ id: resolutions.id, number: resolutions.number, statement: resolutions.statement })
        .from(resolutions)
        .where(inArray(resolutions.id, resIds))
    ).map((r) => [r.id, r]),
  );
  const meetingIds = [...new Set(rows.map((r) => r.meetingId))];
  const titles = new Map(
    (await ctx.db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(inArray(meetings.id, meetingIds))).map((m) => [
      m.id,
      m.title,
    ]),
  );
  const today = jakartaIsoDate(new Date());
  return rows.map((r) => {
    const institutionList = inst.get(r.id) ?? [];
    const subject = { institutionIds: institutionList.map((i) => i.id), managerIds: managerIdsByMeeting.get(r.meetingId) ?? [] };
    return {
      id: r.id,
      resolutionId: r.resolutionId,
      resolutionNumber: res.get(r.resolutionId)?.number ?? 0,
      resolutionStatement: res.get(r.resolutionId)?.statement ?? '',
      meetingId: r.meetingId,
      meetingTitle: titles.get(r.meetingId) ?? '',
      action: r.action,
      dueDate: r.dueDate,
      status: r.status as FollowUpStatus,
      statusNote: r.statusNote,
      evidenceUrl: r.evidenceUrl,
      evidenceFileName: r.evidenceFileId ? r.evidenceFileName : null,
      institutions: institutionList,
      overdue: isOverdue(r, today),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
      can: { update: can(ctx.actor, 'followUp.update', subject), manage: can(ctx.actor, 'outcome.manage', subject) },
    };
  });
}

/** Manager ids of meetings, for the `can` of many rows at once. */
export async function managersOf(ctx: Ctx, meetingIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!meetingIds.length) return map;
  const rows = await ctx.db
    .select({ meetingId: meetingManagers.meetingId, userId: meetingManagers.userId })
    .from(meetingManagers)
    .where(inArray(meetingManagers.meetingId, meetingIds));
  for (const r of rows) map.set(r.meetingId, [...(map.get(r.meetingId) ?? []), r.userId]);
  return map;
}
