import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { activities, committeeMembers } from '../../src/server/db/schema/activities';
import { institutions } from '../../src/server/db/schema/directory';
import { meetingInvitations, meetingManagers, meetings, registrations } from '../../src/server/db/schema/meetings';
import { sha256 } from '../../src/server/core/passwords';
import { searchTextOf } from '../../src/shared/text';

export type CheckInFixture = {
  meetingId: string;
  activityId: string;
  institutions: { id: string; name: string; category: string }[];
  /** Each registration with its ticket token (only its hash is stored). */
  people: { id: string; name: string; institutionId: string; token: string }[];
};

/**
 * A meeting ready for check-in, written straight into the database (no audit): an activity, the meeting
 * (status running, today in WIB unless told), its managers, invited institutions and registered delegates
 * with ticket tokens. For the check-in tests, the benchmarks and the browser tests' set-up.
 */
export async function seedCheckInMeeting(
  db: Db,
  o: {
    managerIds?: string[];
    people?: number;
    institutions?: { name: string; category: string }[];
    status?: string;
    startDate?: string;
    endDate?: string;
    title?: string;
  } = {},
): Promise<CheckInFixture> {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const tag = randomBytes(3).toString('hex');
  const [activity] = await db
    .insert(activities)
    .values({
      title: `Kegiatan uji ${tag}`,
      fiscalYear: Number(today.slice(0, 4)),
      orgUnit: 'Biro Humas',
      officerInCharge: { name: 'PPTK', position: 'Kepala Bagian', nip: '' },
      kak: {},
    })
    .returning();
  await db.insert(committeeMembers).values({
    activityId: activity!.id,
    role: 'sekretaris',
    name: 'Rina Marlina, S.Sos',
    position: 'Analis Humas',
    nip: '198703122010012003',
  });
  const [meeting] = await db
    .insert(meetings)
    .values({
      activityId: activity!.id,
      title: o.title ?? `Rapat Koordinasi Kehumasan ${tag}`,
      startDate: o.startDate ?? today,
      endDate: o.endDate ?? o.startDate ?? today,
      startTime: '08:00',
      endTime: '16:00',
      venue: 'Aula Kantor Gubernur',
      venueAddress: 'Jl. Jenderal Sudirman No. 51, Padang',
      status: o.status ?? 'running',
      letterPlace: 'Padang',
    })
    .returning();
  for (const userId of o.managerIds ?? []) await db.insert(meetingManagers).values({ meetingId: meeting!.id, userId });
  const specs = o.institutions ?? [
    { name: `Pemerintah Kabupaten Agam ${tag}`, category: 'regency_city' },
    { name: `Pemerintah Kota Padang ${tag}`, category: 'regency_city' },
    { name: `Universitas Andalas ${tag}`, category: 'university' },
  ];
  const insts = [];
  for (const s of specs) {
    const [row] = await db
      .insert(institutions)
      .values({ name: s.name, category: s.category, searchText: searchTextOf(s.name) })
      .returning();
    const [inv] = await db
      .insert(meetingInvitations)
      .values({ meetingId: meeting!.id, institutionId: row!.id, addressee: `Kepala ${s.name}`, state: 'accepted', quota: 100_000 })
      .returning();
    insts.push({ id: row!.id, name: row!.name, category: row!.category, invitationId: inv!.id });
  }
  const count = o.people ?? 6;
  const people: CheckInFixture['people'] = [];
  const batch = [];
  for (let i = 0; i < count; i++) {
    const inst = insts[i % insts.length]!;
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    people.push({ id, name: `Peserta ${i + 1}`, institutionId: inst.id, token });
    batch.push({
      id,
      meetingId: meeting!.id,
      invitationId: inst.invitationId,
      institutionId: inst.id,
      name: `Peserta ${i + 1}`,
      position: 'Pranata Humas',
      ticketTokenHash: sha256(token),
    });
  }
  for (let i = 0; i < batch.length; i += 500) await db.insert(registrations).values(batch.slice(i, i + 500));
  return {
    meetingId: meeting!.id,
    activityId: activity!.id,
    institutions: insts.map(({ id, name, category }) => ({ id, name, category })),
    people,
  };
}
