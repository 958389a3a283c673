import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agendaSessions, checkIns, meetings, registrations, surveyResponses, surveySessionRatings } from '../db/schema/index';

/** What each demo participant answered: usefulness, the rating of each session in agenda order, and their words. */
const answers: { usefulness: number; sessions: (number | null)[]; suggestions?: string; topicsWanted?: string }[] = [
  {
    usefulness: 5,
    sessions: [5, 4, 5, 4],
    suggestions: 'Materi paparan mohon dibagikan sebelum rapat agar peserta dapat menyiapkan pertanyaan.',
    topicsWanted: 'Penanganan hoaks saat bencana alam',
  },
  { usefulness: 4, sessions: [4, 4, 3, 4] },
  {
    usefulness: 4,
    sessions: [4, 5, 4, null],
    suggestions: 'Waktu diskusi per sesi terlalu singkat; tambahkan sesi tanya jawab yang lebih panjang.',
  },
  { usefulness: 3, sessions: [3, 3, 4, 3], topicsWanted: 'Pengelolaan media sosial instansi dengan anggaran terbatas' },
  { usefulness: 5, sessions: [5, 5, 4, 5], suggestions: 'Adakan rapat serupa setiap triwulan.' },
  { usefulness: 4, sessions: [4, 3, 4, 4] },
  {
    usefulness: 2,
    sessions: [3, 2, null, 2],
    suggestions: 'Ruangan kurang nyaman dan pengeras suara sering terputus.',
    topicsWanted: 'Standar layanan informasi publik (PPID) di kabupaten/kota',
  },
  { usefulness: 4, sessions: [4, 4, 5, 3] },
  { usefulness: 5, sessions: [5, 4, 5, 5], topicsWanted: 'Pelatihan menulis siaran pers untuk pranata humas' },
];

/**
 * Feedback survey answers for the 2019 demo meeting, from the delegates who checked in (seedDemoOutcomes checks
 * twelve in; nine answered). Runs once: nothing is added when the meeting already has answers or nobody checked in.
 */
export async function seedDemoSurvey(db: Db, meetingId: string): Promise<{ created: boolean }> {
  const [existing] = await db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.meetingId, meetingId))
    .limit(1);
  if (existing) return { created: false };
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
    if (!m) return { created: false };
    const attended = await tx
      .selectDistinct({ id: registrations.id, name: registrations.name })
      .from(checkIns)
      .innerJoin(registrations, eq(registrations.id, checkIns.registrationId))
      .where(and(eq(checkIns.meetingId, meetingId), isNull(registrations.cancelledAt)))
      .orderBy(asc(registrations.name), asc(registrations.id));
    if (!attended.length) return { created: false };
    const sessions = await tx
      .select({ id: agendaSessions.id })
      .from(agendaSessions)
      .where(eq(agendaSessions.meetingId, meetingId))
      .orderBy(asc(agendaSessions.day), asc(agendaSessions.position), asc(agendaSessions.startTime));
    for (const [i, a] of answers.slice(0, attended.length).entries()) {
      const [row] = await tx
        .insert(surveyResponses)
        .values({
          meetingId,
          registrationId: attended[i]!.id,
          usefulness: a.usefulness,
          suggestions: a.suggestions ?? null,
          topicsWanted: a.topicsWanted ?? null,
          createdAt: new Date(`${m.endDate}T${String(15 + Math.floor(i / 5)).padStart(2, '0')}:${String(10 + (i % 5) * 7)}:00+07:00`),
        })
        .returning();
      const ratings = sessions
        .map((s, k) => ({ responseId: row!.id, sessionId: s.id, rating: a.sessions[k % a.sessions.length] ?? null }))
        .filter((r): r is { responseId: string; sessionId: string; rating: number } => r.rating !== null);
      if (ratings.length) await tx.insert(surveySessionRatings).values(ratings);
    }
    return { created: true };
  });
}
