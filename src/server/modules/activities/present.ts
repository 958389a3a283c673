import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { activities, budgetLines, committeeMembers, speakers } from '../../db/schema/index';
import { CorruptDataError, NotFoundError } from '../../core/errors';
import { kakSchema, officerInChargeSchema, type Kak } from '../../../shared/kak';
import { checkActivity } from '../../../shared/kakChecks';
import type { z } from '../../../shared/zod';
import {
  committeeRoles,
  quarterPlan,
  type ActivityDetail,
  type ActivityStatus,
  type BudgetLine,
  type CommitteeMember,
  type CommitteeRole,
  type Speaker,
  type SpeakerStatus,
} from '../../../shared/schemas/activities';

type ActivityRow = typeof activities.$inferSelect;
type LineRow = typeof budgetLines.$inferSelect;
type MemberRow = typeof committeeMembers.$inferSelect;
type SpeakerRow = typeof speakers.$inferSelect;

/** "kak.schedule.0.startDate: Tanggal tidak ada: ..." for the first problems of a failed parse. */
function describeIssues(prefix: string, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${[prefix, ...i.path.map(String)].join('.')}: ${i.message}`)
    .join('; ');
}

/**
 * Reads a stored JSON column through its schema, so older rows gain the defaults of newer fields.
 * A value that does not parse is reported (CorruptDataError, answered 500 with the field and the reason),
 * never cast and passed on to the screens, the checks or the documents.
 */
function readStored<S extends z.ZodType>(schema: S, raw: unknown, what: string, field: string, activityId?: string): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new CorruptDataError(
    `Data ${what} kegiatan ini rusak dan tidak dapat dibaca (${describeIssues(field, parsed.error.issues)}). Hubungi administrator untuk memperbaikinya.`,
    { activityId, field },
  );
}

/** The stored KAK document of an activity, parsed; throws CorruptDataError when it does not parse. */
export function readKak(raw: unknown, activityId?: string): Kak {
  return readStored(kakSchema, raw, 'KAK', 'kak', activityId);
}

export function presentActivity(row: ActivityRow) {
  const officer = readStored(officerInChargeSchema, row.officerInCharge, 'PPTK', 'officerInCharge', row.id);
  return {
    id: row.id,
    title: row.title,
    fiscalYear: row.fiscalYear,
    orgUnit: row.orgUnit,
    status: row.status as ActivityStatus,
    officerInCharge: officer,
    kak: readKak(row.kak, row.id),
    committeeDecree: row.committeeDecree,
    signPlace: row.signPlace,
    signDate: row.signDate,
    copiedFromId: row.copiedFromId,
    sharedWithMembers: row.sharedWithMembers,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentBudgetLine(row: LineRow): BudgetLine {
  return {
    id: row.id,
    activityId: row.activityId,
    position: row.position,
    accountCode: row.accountCode,
    description: row.description,
    volume: Number(row.volume),
    unit: row.unit,
    unitPrice: row.unitPrice,
    amount: row.amount,
    quarterPlan: readStored(quarterPlan(), row.quarterPlan, 'rincian anggaran', `budgetLines.${row.position}.quarterPlan`, row.activityId),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentMember(row: MemberRow): CommitteeMember {
  return { id: row.id, activityId: row.activityId, role: row.role as CommitteeRole, name: row.name, position: row.position, nip: row.nip };
}

export function presentSpeaker(row: SpeakerRow): Speaker {
  return {
    id: row.id,
    activityId: row.activityId,
    name: row.name,
    institution: row.institution,
    expertise: row.expertise,
    topic: row.topic,
    status: row.status as SpeakerStatus,
    fee: row.fee,
    budgetLineId: row.budgetLineId,
    userId: row.userId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findActivityRow(db: Db, id: string): Promise<ActivityRow> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) throw new NotFoundError('Kegiatan tidak ditemukan');
  return row;
}

/** The activity with its budget lines, committee (by role), speakers and check results; no authorization. */
export async function loadActivityDetail(db: Db, id: string): Promise<ActivityDetail> {
  const row = await findActivityRow(db, id);
  // One query after another: inside a transaction they share one connection.
  const lines = await db
    .select()
    .from(budgetLines)
    .where(eq(budgetLines.activityId, id))
    .orderBy(asc(budgetLines.position), asc(budgetLines.createdAt));
  const members = await db
    .select()
    .from(committeeMembers)
    .where(eq(committeeMembers.activityId, id))
    .orderBy(asc(committeeMembers.createdAt));
  const speakerRows = await db.select().from(speakers).where(eq(speakers.activityId, id)).orderBy(asc(speakers.createdAt));
  const activity = presentActivity(row);
  const budget = lines.map(presentBudgetLine);
  const rank = (r: string) => committeeRoles.indexOf(r as CommitteeRole);
  const committee = members.map(presentMember).sort((a, b) => rank(a.role) - rank(b.role));
  return {
    ...activity,
    budgetLines: budget,
    committee,
    speakers: speakerRows.map(presentSpeaker),
    checks: checkActivity(activity, budget),
  };
}
