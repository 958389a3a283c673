import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import {
  activities,
  agendaSessions,
  institutions,
  mailOutbox,
  meetingInvitations,
  meetingManagers,
  meetings,
  officers,
  registrations,
  speakers,
  users,
} from '../../db/schema/index';
import type { AgendaSession, Delegate, Invitation, MeetingDetail, MeetingSummary, Signer } from '../../../shared/schemas/meetings';
import type { MeetingStatus, RsvpState, SendState } from '../../../shared/meetingStates';
import { meetingCan, type MeetingRow } from './meetingRoot';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Counts = { invitationCount: number; acceptedCount: number; delegateCount: number };

async function countsOf(ctx: Ctx, ids: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  if (ids.length === 0) return out;
  const inv = await ctx.db
    .select({
      meetingId: meetingInvitations.meetingId,
      n: sql<number>`count(*)::int`,
      accepted: sql<number>`(count(*) filter (where ${meetingInvitations.state} = 'accepted'))::int`,
    })
    .from(meetingInvitations)
    .where(inArray(meetingInvitations.meetingId, ids))
    .groupBy(meetingInvitations.meetingId);
  const reg = await ctx.db
    .select({ meetingId: registrations.meetingId, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(inArray(registrations.meetingId, ids), isNull(registrations.cancelledAt)))
    .groupBy(registrations.meetingId);
  for (const id of ids) out.set(id, { invitationCount: 0, acceptedCount: 0, delegateCount: 0 });
  for (const r of inv) Object.assign(out.get(r.meetingId)!, { invitationCount: r.n, acceptedCount: r.accepted });
  for (const r of reg) out.get(r.meetingId)!.delegateCount = r.n;
  return out;
}

export function summaryOf(m: typeof meetings.$inferSelect, c: Counts): MeetingSummary {
  return {
    id: m.id,
    activityId: m.activityId,
    title: m.title,
    startDate: m.startDate,
    endDate: m.endDate,
    startTime: m.startTime,
    endTime: m.endTime,
    venue: m.venue,
    status: m.status as MeetingStatus,
    isPublic: m.isPublic,
    ...c,
  };
}

export async function presentSummaries(ctx: Ctx, rows: (typeof meetings.$inferSelect)[]): Promise<MeetingSummary[]> {
  const counts = await countsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => summaryOf(r, counts.get(r.id)!));
}

export async function agendaOf(ctx: Ctx, meetingId: string, activityId: string): Promise<AgendaSession[]> {
  const rows = await ctx.db
    .select()
    .from(agendaSessions)
    .where(eq(agendaSessions.meetingId, meetingId))
    .orderBy(asc(agendaSessions.position), asc(agendaSessions.startTime));
  const names = new Map(
    (await ctx.db.select({ id: speakers.id, name: speakers.name }).from(speakers).where(eq(speakers.activityId, activityId))).map((s) => [
      s.id,
      s.name,
    ]),
  );
  return rows.map((r) => presentSession(r, names));
}

export function presentSession(r: typeof agendaSessions.$inferSelect, speakerNames: Map<string, string>): AgendaSession {
  const ids = (r.speakerIds as string[]) ?? [];
  return {
    id: r.id,
    position: r.position,
    day: r.day,
    startTime: r.startTime,
    endTime: r.endTime,
    title: r.title,
    speakerIds: ids,
    speakerNames: ids.map((id) => speakerNames.get(id)).filter((n): n is string => !!n),
    moderator: r.moderator,
    topics: r.topics,
  };
}

export async function presentMeeting(ctx: Ctx, m: MeetingRow): Promise<MeetingDetail> {
  const [activity] = await ctx.db
    .select({ title: activities.title, fiscalYear: activities.fiscalYear })
    .from(activities)
    .where(eq(activities.id, m.activityId));
  const counts = (await countsOf(ctx, [m.id])).get(m.id)!;
  const managers = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(meetingManagers)
    .innerJoin(users, eq(users.id, meetingManagers.userId))
    .where(eq(meetingManagers.meetingId, m.id))
    .orderBy(asc(users.name));
  return {
    ...summaryOf(m, counts),
    activityTitle: activity?.title ?? '',
    fiscalYear: activity?.fiscalYear ?? 0,
    venueAddress: m.venueAddress,
    capacity: m.capacity,
    rsvpDeadline: iso(m.rsvpDeadline),
    reminderDaysBefore: m.reminderDaysBefore,
    letterNumberPattern: m.letterNumberPattern,
    letterPlace: m.letterPlace,
    letterDate: m.letterDate,
    letterNature: m.letterNature,
    letterSubject: m.letterSubject,
    signer: (m.signer as Signer | null) ?? null,
    copies: (m.copies as string[]) ?? [],
    managers,
    agenda: await agendaOf(ctx, m.id, m.activityId),
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
    can: meetingCan(ctx.actor, m),
  };
}

/** Invitations of a meeting (optionally one institution's), with the institution's main PR contact. */
export async function listInvitationRows(ctx: Ctx, meetingId: string, institutionId?: string | null): Promise<Invitation[]> {
  const where = institutionId
    ? and(eq(meetingInvitations.meetingId, meetingId), eq(meetingInvitations.institutionId, institutionId))
    : eq(meetingInvitations.meetingId, meetingId);
  const rows = await ctx.db
    .select({
      inv: meetingInvitations,
      institutionName: institutions.name,
      category: institutions.category,
      institutionEmail: institutions.email,
      institutionPhone: institutions.phone,
      contactEmail: officers.email,
      contactPhone: officers.phone,
      delegateCount: sql<number>`(select count(*)::int from ${registrations} r where r.invitation_id = ${meetingInvitations.id} and r.cancelled_at is null)`,
      mailState: mailOutbox.state,
      mailSentAt: mailOutbox.sentAt,
      mailError: mailOutbox.lastError,
    })
    .from(meetingInvitations)
    .innerJoin(institutions, eq(institutions.id, meetingInvitations.institutionId))
    .leftJoin(officers, and(eq(officers.institutionId, institutions.id), eq(officers.isMainContact, true), eq(officers.active, true)))
    .leftJoin(mailOutbox, eq(mailOutbox.id, meetingInvitations.mailId))
    .where(where)
    .orderBy(asc(institutions.category), asc(institutions.name));
  return rows.map((r) => ({
    ...sendStateOf(r.inv, r.mailState, r.mailSentAt, r.mailError),
    id: r.inv.id,
    institutionId: r.inv.institutionId,
    institutionName: r.institutionName,
    category: r.category,
    quota: r.inv.quota,
    addressee: r.inv.addressee,
    letterNumber: r.inv.letterNumber,
    state: r.inv.state as RsvpState,
    declineReason: r.inv.declineReason,
    respondedAt: iso(r.inv.respondedAt),
    sentTo: r.inv.sentTo,
    sendCount: r.inv.sendCount,
    remindedAt: iso(r.inv.remindedAt),
    contactEmail: r.contactEmail ?? r.institutionEmail ?? null,
    contactPhone: r.contactPhone ?? r.institutionPhone ?? null,
    delegateCount: r.delegateCount,
  }));
}

export function presentDelegate(r: typeof registrations.$inferSelect, institutionName: string | null): Delegate {
  return {
    id: r.id,
    invitationId: r.invitationId,
    institutionId: r.institutionId,
    institutionName,
    name: r.name,
    position: r.position,
    phone: r.phone,
    email: r.email,
    nip: r.nip,
    officerId: r.officerId,
    walkIn: r.walkIn,
    quotaOverride: !!r.quotaOverrideBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listDelegateRows(ctx: Ctx, meetingId: string, institutionId?: string | null): Promise<Delegate[]> {
  const where = and(
    eq(registrations.meetingId, meetingId),
    isNull(registrations.cancelledAt),
    institutionId ? eq(registrations.institutionId, institutionId) : undefined,
  );
  const rows = await ctx.db
    .select({ r: registrations, institutionName: institutions.name })
    .from(registrations)
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(where)
    .orderBy(asc(institutions.name), asc(registrations.createdAt));
  return rows.map((x) => presentDelegate(x.r, x.institutionName));
}

/**
 * Where the letter's e-mail stands: the mail log row of the last send says queued, sent or failed (a log row left
 * unsent because no SMTP server is configured counts as failed, with that reason).
 */
function sendStateOf(
  inv: typeof meetingInvitations.$inferSelect,
  mailState: string | null,
  mailSentAt: Date | null,
  mailError: string | null,
): { sendState: SendState; sentAt: string | null; sendError: string | null } {
  if (!inv.mailId || !mailState) return { sendState: inv.sendState as SendState, sentAt: iso(inv.sentAt), sendError: inv.sendError };
  if (mailState === 'sent') return { sendState: 'sent', sentAt: iso(mailSentAt), sendError: null };
  if (mailState === 'failed') return { sendState: 'failed', sentAt: null, sendError: mailError ?? 'Pengiriman gagal' };
  if (mailState === 'unsent')
    return {
      sendState: 'failed',
      sentAt: null,
      sendError: 'Server e-mail (SMTP) belum dikonfigurasi; isi e-mail dapat dibaca di log e-mail',
    };
  return { sendState: 'queued', sentAt: null, sendError: null };
}
