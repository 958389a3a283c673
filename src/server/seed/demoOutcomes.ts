import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  activities,
  agendaSessions,
  certificateBatches,
  certificates,
  checkIns,
  committeeMembers,
  followUpInstitutions,
  followUps,
  institutions,
  meetings,
  registrations,
  resolutions,
  speakers,
} from '../db/schema/index';
import { certificateNumber, certificateRoleLabels } from '../../shared/outcomes';
import { committeeRoleLabels, type CommitteeRole } from '../../shared/schemas/activities';

type Spec = {
  statement: string;
  followUps: {
    action: string;
    dueDate: string;
    status: 'not_started' | 'in_progress' | 'done' | 'not_feasible';
    note?: string;
    evidenceUrl?: string;
    institutions: number[];
  }[];
};

const specs: Spec[] = [
  {
    statement: 'Setiap pemerintah kabupaten/kota menunjuk satu pejabat humas sebagai penghubung dengan Biro Humas Provinsi.',
    followUps: [
      {
        action: 'Menyampaikan SK penunjukan pejabat humas penghubung kepada Biro Humas',
        dueDate: '2019-04-30',
        status: 'done',
        note: 'SK Bupati telah ditetapkan dan disampaikan',
        evidenceUrl: 'https://agamkab.go.id/berita/sk-pejabat-humas-penghubung',
        institutions: [0, 1],
      },
      { action: 'Memperbarui data kontak pejabat humas di Simpul', dueDate: '2019-05-31', status: 'not_started', institutions: [2] },
    ],
  },
  {
    statement: 'Instansi anggota menyebarluaskan siaran pers pemerintah provinsi melalui kanal resmi masing-masing paling lambat 1x24 jam.',
    followUps: [
      {
        action: 'Menyusun prosedur penyebarluasan siaran pers di lingkungan instansi',
        dueDate: '2027-03-31',
        status: 'in_progress',
        note: 'Draf prosedur sedang dibahas bersama Dinas Kominfo',
        institutions: [1, 3],
      },
    ],
  },
  {
    statement: 'Rapat koordinasi kehumasan berikutnya membahas penanganan hoaks dan komunikasi krisis bencana.',
    followUps: [
      {
        action: 'Mengusulkan narasumber penanganan hoaks untuk rakor berikutnya',
        dueDate: '2019-12-31',
        status: 'not_feasible',
        note: 'Anggaran narasumber tidak tersedia pada APBD perubahan',
        institutions: [4],
      },
      {
        action: 'Mengirim daftar isu kehumasan daerah untuk bahan rakor',
        dueDate: '2027-01-31',
        status: 'not_started',
        institutions: [0, 4],
      },
    ],
  },
];

/**
 * Outcomes of the 2019 demo meeting: resolutions with follow-ups in every state (one overdue), some delegates
 * checked in, and certificates (checked-in participants, speakers on the agenda, committee) that verify on
 * /sertifikat/<id>; their PDFs are made on first download. Idempotent: left alone when the meeting has resolutions.
 */
export async function seedDemoOutcomes(db: Db, meetingId: string): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: resolutions.id }).from(resolutions).where(eq(resolutions.meetingId, meetingId)).limit(1);
  if (existing) return { created: false };
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
    if (!m) return { created: false };
    const insts = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(and(eq(institutions.category, 'regency_city'), eq(institutions.active, true)))
      .orderBy(asc(institutions.name))
      .limit(5);
    if (insts.length < 5) return { created: false };
    for (const [i, spec] of specs.entries()) {
      const [r] = await tx
        .insert(resolutions)
        .values({ meetingId, number: i + 1, statement: spec.statement })
        .returning();
      for (const f of spec.followUps) {
        const closed = f.status === 'done' || f.status === 'not_feasible';
        const [row] = await tx
          .insert(followUps)
          .values({
            resolutionId: r!.id,
            meetingId,
            action: f.action,
            dueDate: f.dueDate,
            status: f.status,
            statusNote: f.note ?? null,
            evidenceUrl: f.evidenceUrl ?? null,
            completedAt: closed ? new Date('2019-04-25T03:00:00Z') : null,
          })
          .returning();
        await tx.insert(followUpInstitutions).values(f.institutions.map((k) => ({ followUpId: row!.id, institutionId: insts[k]!.id })));
      }
    }

    // Twelve delegates checked in on the day.
    const people = await tx
      .select({ id: registrations.id, name: registrations.name, email: registrations.email, institution: institutions.name })
      .from(registrations)
      .leftJoin(institutions, eq(institutions.id, registrations.institutionId))
      .where(and(eq(registrations.meetingId, meetingId), isNull(registrations.cancelledAt)))
      .orderBy(asc(registrations.name))
      .limit(12);
    for (const [i, p] of people.entries()) {
      await tx
        .insert(checkIns)
        .values({
          registrationId: p.id,
          meetingId,
          meetingDay: m.startDate,
          clientId: `demo-${p.id}`,
          checkedInAt: new Date(
            `${m.startDate}T${String(7 + Math.floor(i / 6)).padStart(2, '0')}:${String(40 + (i % 6) * 3).padStart(2, '0')}:00+07:00`,
          ),
        })
        .onConflictDoNothing();
    }
    const sessions = await tx
      .select({ ids: agendaSessions.speakerIds })
      .from(agendaSessions)
      .where(eq(agendaSessions.meetingId, meetingId));
    const onAgenda = [...new Set(sessions.flatMap((s) => (s.ids as string[]) ?? []))];
    const spk = onAgenda.length ? await tx.select().from(speakers).where(inArray(speakers.id, onAgenda)).orderBy(asc(speakers.name)) : [];
    const committee = await tx
      .select()
      .from(committeeMembers)
      .where(eq(committeeMembers.activityId, m.activityId))
      .orderBy(asc(committeeMembers.name));
    const [activity] = await tx.select({ year: activities.fiscalYear }).from(activities).where(eq(activities.id, m.activityId));
    const rows = [
      ...spk.map((s) => ({
        role: 'speaker',
        roleLabel: certificateRoleLabels.speaker,
        speakerId: s.id,
        name: s.name,
        institutionName: s.institution,
        email: null,
      })),
      ...committee.map((c) => ({
        role: 'committee',
        roleLabel: `${certificateRoleLabels.committee} (${committeeRoleLabels[c.role as CommitteeRole] ?? c.role})`,
        committeeMemberId: c.id,
        name: c.name,
        institutionName: null,
        email: null,
      })),
      ...people.map((p) => ({
        role: 'participant',
        roleLabel: certificateRoleLabels.participant,
        registrationId: p.id,
        name: p.name,
        institutionName: p.institution,
        email: p.email,
      })),
    ];
    const [batch] = await tx
      .insert(certificateBatches)
      .values({ meetingId, total: rows.length, state: 'done', finishedAt: new Date() })
      .returning();
    await tx.insert(certificates).values(
      rows.map((r, i) => ({
        ...r,
        meetingId,
        activityId: m.activityId,
        seq: i + 1,
        number: certificateNumber(i + 1, activity!.year),
        verifyId: randomBytes(16).toString('base64url'),
        batchId: batch!.id,
      })),
    );
    // The meeting took place in 2019: it is over, so its certificates, minutes and survey are what remains.
    await tx.update(meetings).set({ status: 'done' }).where(eq(meetings.id, meetingId));
    return { created: true };
  });
}
