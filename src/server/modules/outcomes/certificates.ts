import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../core/audit';
import { inTransaction, type Ctx } from '../../core/context';
import { NotFoundError, StateError, ValidationError } from '../../core/errors';
import { defineQueue, enqueue, PermanentJobError, wakeWorkers, type JobContext } from '../../core/jobs';
import { enqueueMail } from '../../core/mailOutbox';
import { readFile } from '../../core/files';
import {
  activities,
  agendaSessions,
  certificateBatches,
  certificates,
  checkIns,
  committeeMembers,
  files,
  institutions,
  meetings,
  registrations,
  speakers,
} from '../../db/schema/index';
import { letterheadFrom } from '../../documents/letterhead';
import { formatDateId } from '../../../shared/dates';
import { formatMeetingDate } from '../../../shared/meetingDates';
import { certificateNumber, certificateRoleLabels, type CertificateRole } from '../../../shared/outcomes';
import { committeeRoleLabels, type CommitteeRole } from '../../../shared/schemas/activities';
import type { Signer } from '../../../shared/schemas/meetings';
import type { Certificate, CertificateBatch, issueCertificateBody } from '../../../shared/schemas/outcomes';
import { loadDocumentSettings } from '../settings/organisationSettings';
import { hashToken } from '../meetings/tokens';
import { loadOutcomeMeeting } from './resolutions';
import { renderCertificatePdf } from './certificatePdf';

/** The public verification page of a certificate: /sertifikat/<22 characters>. */
export const verifyIdPattern = /^[A-Za-z0-9_-]{22}$/;
export const verifyUrlOf = (publicUrl: string, verifyId: string) => `${publicUrl.replace(/\/$/, '')}/sertifikat/${verifyId}`;
/** 128 random bits: unguessable, and the page shows no more than name, event, role and date. */
const newVerifyId = () => randomBytes(16).toString('base64url');
/** Certificates rendered per job. */
const chunkSize = 25;

type Person = {
  role: CertificateRole;
  roleLabel: string;
  registrationId?: string;
  speakerId?: string;
  committeeMemberId?: string;
  name: string;
  institutionName: string | null;
  email: string | null;
};

const certifiable = (status: string) => status === 'running' || status === 'done';
const notYet = 'Sertifikat dibuat setelah rapat berlangsung (status Berlangsung atau Selesai).';

/** Everyone a meeting certifies: participants who checked in (not merely registered), its speakers, and the activity's committee. */
async function eligiblePeople(ctx: Ctx, m: { id: string; activityId: string }): Promise<Person[]> {
  const attended = await ctx.db
    .selectDistinct({ id: registrations.id, name: registrations.name, email: registrations.email, institution: institutions.name })
    .from(registrations)
    .innerJoin(checkIns, eq(checkIns.registrationId, registrations.id))
    .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
    .where(eq(registrations.meetingId, m.id))
    .orderBy(asc(registrations.name));
  const sessions = await ctx.db.select({ ids: agendaSessions.speakerIds }).from(agendaSessions).where(eq(agendaSessions.meetingId, m.id));
  const onAgenda = new Set(sessions.flatMap((s) => (s.ids as string[]) ?? []));
  const spk = (await ctx.db.select().from(speakers).where(eq(speakers.activityId, m.activityId)).orderBy(asc(speakers.name))).filter(
    (s) => onAgenda.has(s.id) || s.status === 'confirmed',
  );
  const committee = await ctx.db
    .select()
    .from(committeeMembers)
    .where(eq(committeeMembers.activityId, m.activityId))
    .orderBy(asc(committeeMembers.name));
  return [
    ...spk.map((s) => ({
      role: 'speaker' as const,
      roleLabel: certificateRoleLabels.speaker,
      speakerId: s.id,
      name: s.name,
      institutionName: s.institution,
      email: null,
    })),
    ...committee.map((c) => ({
      role: 'committee' as const,
      roleLabel: `${certificateRoleLabels.committee} (${committeeRoleLabels[c.role as CommitteeRole] ?? c.role})`,
      committeeMemberId: c.id,
      name: c.name,
      institutionName: null,
      email: null,
    })),
    ...attended.map((r) => ({
      role: 'participant' as const,
      roleLabel: certificateRoleLabels.participant,
      registrationId: r.id,
      name: r.name,
      institutionName: r.institution,
      email: r.email,
    })),
  ];
}

/**
 * Inserts certificates for `people` with the next numbers of the activity (its row is locked, so numbers are
 * sequential; the unique index (activity, seq) is the database's guarantee), a batch, and the rendering jobs.
 */
async function issue(tx: Ctx, m: { id: string; activityId: string }, people: Person[], sendEmail: boolean) {
  const [activity] = await tx.db
    .select({ fiscalYear: activities.fiscalYear })
    .from(activities)
    .where(eq(activities.id, m.activityId))
    .for('update');
  const [last] = await tx.db
    .select({ n: max(certificates.seq) })
    .from(certificates)
    .where(eq(certificates.activityId, m.activityId));
  let seq = last?.n ?? 0;
  const [batch] = await tx.db
    .insert(certificateBatches)
    .values({ meetingId: m.id, total: people.length, createdBy: tx.actor.kind === 'user' ? tx.actor.id : null })
    .returning();
  const rows = people.map((p) => {
    seq += 1;
    return {
      meetingId: m.id,
      activityId: m.activityId,
      seq,
      number: certificateNumber(seq, activity!.fiscalYear),
      role: p.role,
      roleLabel: p.roleLabel,
      registrationId: p.registrationId ?? null,
      speakerId: p.speakerId ?? null,
      committeeMemberId: p.committeeMemberId ?? null,
      name: p.name,
      institutionName: p.institutionName,
      email: p.email,
      verifyId: newVerifyId(),
      batchId: batch!.id,
    };
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await tx.db
      .insert(certificates)
      .values(rows.slice(i, i + 500))
      .returning({ id: certificates.id });
    ids.push(...inserted.map((r) => r.id));
  }
  for (let i = 0; i < ids.length; i += chunkSize)
    await enqueue(tx, certificateQueue, { batchId: batch!.id, ids: ids.slice(i, i + chunkSize), sendEmail });
  await audit(tx, {
    action: 'certificate.generate',
    entityType: 'certificate',
    entityId: batch!.id,
    after: { meetingId: m.id, count: rows.length, first: rows[0]?.number ?? null, last: rows.at(-1)?.number ?? null, sendEmail },
  });
  return batch!;
}

/** Certificates for everyone eligible who has none yet, made in the background (progress: `certificateProgress`). */
export async function generateCertificates(ctx: Ctx, meetingId: string, input: { sendEmail: boolean }) {
  const out = await inTransaction(ctx, async (tx) => {
    const m = await loadOutcomeMeeting(tx, meetingId, 'outcome.manage', { lock: true });
    if (!certifiable(m.status)) throw new StateError(notYet);
    const have = await tx.db
      .select({ r: certificates.registrationId, s: certificates.speakerId, c: certificates.committeeMemberId })
      .from(certificates)
      .where(eq(certificates.meetingId, meetingId));
    const taken = new Set(have.flatMap((h) => [h.r, h.s, h.c]).filter(Boolean));
    const people = (await eligiblePeople(tx, m)).filter((p) => !taken.has(p.registrationId ?? p.speakerId ?? p.committeeMemberId!));
    if (!people.length) return { created: 0 };
    await issue(tx, m, people, input.sendEmail);
    return { created: people.length };
  });
  if (out.created) wakeWorkers(certificateQueue.name);
  return { created: out.created, batch: await certificateProgress(ctx, meetingId, { authorized: true }) };
}

/** One certificate for one person; a participant must have checked in (being registered is not enough). */
export async function issueCertificate(ctx: Ctx, meetingId: string, input: z.output<typeof issueCertificateBody>) {
  const out = await inTransaction(ctx, async (tx) => {
    const m = await loadOutcomeMeeting(tx, meetingId, 'outcome.manage', { lock: true });
    if (!certifiable(m.status)) throw new StateError(notYet);
    const key = input.role === 'participant' ? input.registrationId : input.role === 'speaker' ? input.speakerId : input.committeeMemberId;
    if (!key) throw new ValidationError('Pilih orang yang diberi sertifikat', { [`${input.role}Id`]: 'Wajib dipilih' });
    const person = (await eligiblePeople(tx, m)).find((p) => (p.registrationId ?? p.speakerId ?? p.committeeMemberId) === key);
    if (!person) {
      if (input.role === 'participant') {
        const [reg] = await tx.db
          .select({ name: registrations.name })
          .from(registrations)
          .where(and(eq(registrations.id, key), eq(registrations.meetingId, meetingId)));
        if (!reg) throw new NotFoundError('Peserta tidak terdaftar pada rapat ini');
        throw new ValidationError(
          `${reg.name} belum check-in pada rapat ini: sertifikat hanya untuk peserta yang hadir (terdaftar saja tidak cukup).`,
          { registrationId: 'Belum check-in' },
        );
      }
      throw new NotFoundError(input.role === 'speaker' ? 'Narasumber tidak ditemukan pada rapat ini' : 'Panitia tidak ditemukan');
    }
    const [dup] = await tx.db
      .select({ number: certificates.number })
      .from(certificates)
      .where(
        and(
          eq(certificates.meetingId, meetingId),
          sql`coalesce(${certificates.registrationId}, ${certificates.speakerId}, ${certificates.committeeMemberId}) = ${key}`,
        ),
      );
    if (dup)
      throw new ValidationError(`${person.name} sudah memiliki sertifikat nomor ${dup.number}`, { [`${input.role}Id`]: 'Sudah ada' });
    await issue(tx, m, [person], true);
    return { created: 1 };
  });
  wakeWorkers(certificateQueue.name);
  return { created: out.created, batch: await certificateProgress(ctx, meetingId, { authorized: true }) };
}

/** The latest batch of a meeting and how many of its certificates are made. */
export async function certificateProgress(ctx: Ctx, meetingId: string, opts: { authorized?: boolean } = {}): Promise<CertificateBatch> {
  if (!opts.authorized) await loadOutcomeMeeting(ctx, meetingId, 'outcome.read');
  const [batch] = await ctx.db
    .select()
    .from(certificateBatches)
    .where(eq(certificateBatches.meetingId, meetingId))
    .orderBy(sql`${certificateBatches.createdAt} desc`)
    .limit(1);
  if (!batch) return { id: null, total: 0, ready: 0, state: 'none' };
  const [{ n }] = (await ctx.db
    .select({ n: count() })
    .from(certificates)
    .where(and(eq(certificates.batchId, batch.id), isNotNull(certificates.fileId)))) as [{ n: number }];
  return { id: batch.id, total: batch.total, ready: Number(n), state: batch.state as 'running' | 'done' };
}

function present(ctx: Ctx, r: typeof certificates.$inferSelect): Certificate {
  return {
    id: r.id,
    number: r.number,
    role: r.role as CertificateRole,
    roleLabel: r.roleLabel,
    name: r.name,
    institutionName: r.institutionName,
    email: r.email,
    ready: !!r.fileId,
    emailedAt: r.emailedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokedReason: r.revokedReason,
    verifyUrl: verifyUrlOf(ctx.config.publicUrl, r.verifyId),
  };
}

export async function listCertificates(ctx: Ctx, meetingId: string, q: { limit: number; offset: number }) {
  await loadOutcomeMeeting(ctx, meetingId, 'outcome.read');
  const [{ n }] = (await ctx.db.select({ n: count() }).from(certificates).where(eq(certificates.meetingId, meetingId))) as [{ n: number }];
  const rows = await ctx.db
    .select()
    .from(certificates)
    .where(eq(certificates.meetingId, meetingId))
    .orderBy(asc(certificates.seq))
    .limit(q.limit)
    .offset(q.offset);
  return { items: rows.map((r) => present(ctx, r)), total: Number(n) };
}

export async function revokeCertificate(ctx: Ctx, id: string, reason: string) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(certificates).where(eq(certificates.id, id)).for('update');
    if (!row) throw new NotFoundError('Sertifikat tidak ditemukan');
    await loadOutcomeMeeting(tx, row.meetingId, 'outcome.manage');
    if (row.revokedAt) throw new StateError(`Sertifikat ${row.number} sudah dicabut`);
    const [after] = await tx.db
      .update(certificates)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(eq(certificates.id, id))
      .returning();
    await audit(tx, {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: id,
      before: { number: row.number, revokedAt: null },
      after: { number: row.number, revokedAt: after!.revokedAt, reason },
    });
    return present(tx, after!);
  });
}

/** A certificate whose PDF is not made yet (its job is still queued, or demo data) is made on the spot. */
async function renderNow(ctx: Ctx, row: typeof certificates.$inferSelect): Promise<string | null> {
  await renderCertificates(ctx, { batchId: row.batchId ?? row.id, ids: [row.id], sendEmail: false });
  const [again] = await ctx.db.select({ fileId: certificates.fileId }).from(certificates).where(eq(certificates.id, row.id));
  return again?.fileId ?? null;
}

/** The bureau's download of one certificate. */
export async function certificateFile(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(certificates).where(eq(certificates.id, id));
  if (!row) throw new NotFoundError('Sertifikat tidak ditemukan');
  await loadOutcomeMeeting(ctx, row.meetingId, 'outcome.read');
  const f = await readFile(ctx, row.fileId ?? (await renderNow(ctx, row)), 'Sertifikat ini sedang dibuat; coba lagi sebentar lagi');
  return { body: f.content, name: `Sertifikat ${row.number.replaceAll('/', '-')}.pdf` };
}

/** A participant's own certificate through the ticket link they were sent (the ticket token is the credential). */
export async function ticketCertificateFile(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select({ c: certificates })
    .from(certificates)
    .innerJoin(registrations, eq(registrations.id, certificates.registrationId))
    .where(eq(registrations.ticketTokenHash, hashToken(token)));
  if (!row || row.c.revokedAt) throw new NotFoundError('Belum ada sertifikat untuk tiket ini');
  const f = await readFile(ctx, row.c.fileId ?? (await renderNow(ctx, row.c)), 'Sertifikat ini sedang dibuat; coba lagi sebentar lagi');
  return { body: f.content, name: `Sertifikat ${row.c.number.replaceAll('/', '-')}.pdf` };
}

/** What the public verification page shows: name, event, role and date only (and whether it was revoked). */
export async function verifyCertificate(ctx: Pick<Ctx, 'db'>, verifyId: string) {
  if (!verifyIdPattern.test(verifyId)) return null;
  const [row] = await ctx.db
    .select({
      number: certificates.number,
      name: certificates.name,
      roleLabel: certificates.roleLabel,
      revokedAt: certificates.revokedAt,
      title: meetings.title,
      startDate: meetings.startDate,
      endDate: meetings.endDate,
    })
    .from(certificates)
    .innerJoin(meetings, eq(meetings.id, certificates.meetingId))
    .where(eq(certificates.verifyId, verifyId));
  return row ?? null;
}

/** Renders (and mails) the certificates of one job; safe to run twice (made ones are skipped). */
export async function renderCertificates(
  jc: Pick<JobContext, 'db' | 'config' | 'mailer'>,
  data: { batchId: string; ids: string[]; sendEmail: boolean },
) {
  const rows = await jc.db
    .select({ c: certificates, m: meetings })
    .from(certificates)
    .innerJoin(meetings, eq(meetings.id, certificates.meetingId))
    .where(and(inArray(certificates.id, data.ids), isNull(certificates.fileId)));
  if (!rows.length) return { made: 0 };
  const settings = await loadDocumentSettings(jc.db);
  const letterhead = letterheadFrom(settings);
  let made = 0;
  for (const { c, m } of rows) {
    const signer = (m.signer as Signer | null) ?? null;
    const verifyUrl = verifyUrlOf(jc.config.publicUrl, c.verifyId);
    const pdf = await renderCertificatePdf(
      {
        number: c.number,
        name: c.name,
        institutionName: c.institutionName,
        roleLabel: c.roleLabel,
        eventTitle: m.title,
        dateText: formatMeetingDate(m.startDate, m.endDate),
        venue: [m.venue, m.venueAddress].filter(Boolean).join(', '),
        place: m.letterPlace ?? 'Padang',
        signDate: formatDateId(m.endDate),
        signer,
        verifyUrl,
      },
      letterhead,
    );
    await jc.db.transaction(async (db) => {
      const tx = { db: db as unknown as Ctx['db'], config: jc.config };
      const [locked] = await tx.db
        .select({ fileId: certificates.fileId })
        .from(certificates)
        .where(eq(certificates.id, c.id))
        .for('update');
      if (!locked || locked.fileId) return;
      const name = `Sertifikat ${c.number.replaceAll('/', '-')}.pdf`;
      const [file] = await tx.db
        .insert(files)
        .values({ name, mime: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), content: pdf })
        .returning({ id: files.id });
      const mail = data.sendEmail && c.email && !c.emailedAt;
      await tx.db
        .update(certificates)
        .set({ fileId: file!.id, ...(mail ? { emailedAt: new Date() } : {}) })
        .where(eq(certificates.id, c.id));
      if (mail)
        await enqueueMail(tx, {
          to: c.email!,
          subject: `Sertifikat ${m.title}`,
          text: [
            `Yth. ${c.name},`,
            '',
            `Terima kasih atas partisipasi Bapak/Ibu sebagai ${c.roleLabel} dalam ${m.title}.`,
            `Sertifikat nomor ${c.number} terlampir. Keasliannya dapat diperiksa di: ${verifyUrl}`,
            '',
            'Biro Humas',
          ].join('\n'),
          related: { type: 'certificate', id: c.id },
          keepBody: true,
          attachments: [{ filename: name, contentType: 'application/pdf', content: pdf }],
        });
    });
    made += 1;
  }
  // The batch is done once every one of its certificates has its PDF.
  const [{ left }] = (await jc.db
    .select({ left: count() })
    .from(certificates)
    .where(and(eq(certificates.batchId, data.batchId), isNull(certificates.fileId)))) as [{ left: number }];
  if (Number(left) === 0)
    await jc.db
      .update(certificateBatches)
      .set({ state: 'done', finishedAt: new Date() })
      .where(and(eq(certificateBatches.id, data.batchId), eq(certificateBatches.state, 'running')));
  return { made };
}

export const certificateQueue = defineQueue({
  name: 'certificate_render',
  label: 'Pembuatan sertifikat',
  schema: z.object({ batchId: z.uuid(), ids: z.array(z.uuid()).min(1).max(100), sendEmail: z.boolean() }),
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 600,
  handler: async (data, jc) => {
    if (!data.ids.length) throw new PermanentJobError('Tidak ada sertifikat dalam pekerjaan ini');
    return renderCertificates(jc, data);
  },
});
