import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agendaSessions, institutions, meetingInvitations, meetings, officers, registrations, speakers } from '../db/schema/index';
import { defaultAddressee, letterNumber } from '../modules/meetings/invitations';
import { newTicket } from '../modules/meetings/tokens';

/**
 * The coordination meeting of the 2019 demo activity: agenda, the 19 regencies and cities and the universities
 * invited (letters sent), some answers (delegates with tickets, one decline), so a newcomer sees it working.
 * Idempotent: left alone when the activity already has a meeting.
 */
export async function seedDemoMeeting(db: Db, activityId: string): Promise<{ id: string; created: boolean }> {
  const [existing] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.activityId, activityId));
  if (existing) return { id: existing.id, created: false };
  return db.transaction(async (tx) => {
    const [m] = await tx
      .insert(meetings)
      .values({
        activityId,
        title: 'Rapat Koordinasi Kehumasan Provinsi Sumatera Barat',
        startDate: '2019-03-14',
        endDate: '2019-03-14',
        startTime: '08:00',
        endTime: '12:30',
        venue: 'Aula Kantor Gubernur Sumatera Barat',
        venueAddress: 'Jl. Jenderal Sudirman No. 51, Padang',
        capacity: 150,
        isPublic: true,
        status: 'invitations_sent',
        letterPlace: 'Padang',
        letterDate: '2019-03-04',
        letterNature: 'Penting',
        letterSubject: 'Undangan Rapat Koordinasi Kehumasan',
        signer: {
          name: 'Drs. Contoh Pejabat, M.Si (fiktif)',
          position: 'Kepala Biro Administrasi Pimpinan',
          rank: 'Pembina Utama Muda',
          nip: '196501011990031005',
        },
        copies: ['Gubernur Sumatera Barat (sebagai laporan)', 'Sekretaris Daerah Provinsi Sumatera Barat'],
      })
      .returning();
    const meetingId = m!.id;
    const sp = await tx
      .select({ id: speakers.id })
      .from(speakers)
      .where(eq(speakers.activityId, activityId))
      .orderBy(asc(speakers.createdAt));
    const sessions = [
      { startTime: '08:00', endTime: '08:30', title: 'Registrasi peserta', speakerIds: [] as string[] },
      { startTime: '08:30', endTime: '09:00', title: 'Pembukaan dan arahan', speakerIds: [] },
      {
        startTime: '09:00',
        endTime: '10:30',
        title: 'Isu kehumasan terkini',
        speakerIds: sp.slice(0, 1).map((s) => s.id),
        moderator: 'Kepala Bagian Humas',
      },
      {
        startTime: '10:30',
        endTime: '12:00',
        title: 'Strategi komunikasi publik dan penanganan hoaks',
        speakerIds: sp.slice(1, 2).map((s) => s.id),
        moderator: 'Kepala Bagian Humas',
      },
      { startTime: '12:00', endTime: '12:30', title: 'Penutupan', speakerIds: [] },
    ];
    await tx.insert(agendaSessions).values(sessions.map((s, position) => ({ ...s, meetingId, position })));
    const invited = await tx
      .select({ id: institutions.id, name: institutions.name, category: institutions.category })
      .from(institutions)
      .where(and(inArray(institutions.category, ['regency_city', 'university']), eq(institutions.active, true)))
      .orderBy(asc(institutions.category), asc(institutions.name));
    const sentAt = new Date('2019-03-04T02:00:00Z');
    const invitations = await tx
      .insert(meetingInvitations)
      .values(
        invited.map((inst, i) => ({
          meetingId,
          institutionId: inst.id,
          addressee: defaultAddressee(inst),
          letterNumber: letterNumber(m!.letterNumberPattern, i + 1, 2019),
          sendState: 'sent',
          sentAt,
          sendCount: 1,
          // Some answered: every third declined once, most others accepted; the rest still pending.
          state: i % 7 === 3 ? 'declined' : i % 3 === 2 ? 'pending' : 'accepted',
          declineReason: i % 7 === 3 ? 'Bertepatan dengan kunjungan kerja pimpinan' : null,
          respondedAt: i % 3 === 2 && i % 7 !== 3 ? null : new Date('2019-03-08T03:00:00Z'),
        })),
      )
      .returning();
    await tx.update(meetings).set({ letterSeq: invitations.length }).where(eq(meetings.id, meetingId));
    for (const inv of invitations.filter((x) => x.state === 'accepted')) {
      const staff = await tx
        .select()
        .from(officers)
        .where(and(eq(officers.institutionId, inv.institutionId), eq(officers.active, true)))
        .orderBy(asc(officers.name))
        .limit(2);
      const people = staff.length
        ? staff.map((o) => ({ name: o.name, position: o.position, phone: o.phone, email: o.email, nip: o.nip, officerId: o.id }))
        : [
            {
              name: `Pranata Humas ${invited.find((x) => x.id === inv.institutionId)!.name.replace(/^Pemerintah /, '')}`,
              position: 'Pranata Humas',
              phone: null,
              email: null,
              nip: null,
              officerId: null,
            },
          ];
      for (const p of people) {
        await tx.insert(registrations).values({ ...newTicket(), meetingId, invitationId: inv.id, institutionId: inv.institutionId, ...p });
      }
    }
    return { id: meetingId, created: true };
  });
}
