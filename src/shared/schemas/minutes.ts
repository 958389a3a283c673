import { institutionCategories } from '../categories';
import { meetingStatuses } from '../meetingStates';
import { optionalText, requiredText, safeString, uuid, z } from '../zod';
import { versionField } from './version';

/** Shapes of the minutes (notulen) API: inputs validated on both sides, outputs typed for the SPA. */

export const minutesLimits = {
  /** Visible characters of one rich-text part (opening, a session's discussion, closing). */
  textMax: 20_000,
  /** Characters of the HTML the editor sends for one part (markup included). */
  htmlMax: 100_000,
  sessionsMax: 200,
} as const;

const richText = (label: string) =>
  safeString().max(minutesLimits.htmlMax, `${label} terlalu panjang (maksimal ${minutesLimits.textMax.toLocaleString('id-ID')} karakter)`);

export const minutesParams = z.object({ id: uuid() });

export const minutesBody = z.strictObject({
  chairName: requiredText(200, 'Nama pimpinan rapat'),
  chairPosition: optionalText(200),
  noteTakerName: requiredText(200, 'Nama notulis'),
  noteTakerPosition: optionalText(200),
  openingHtml: richText('Pembukaan'),
  closingHtml: richText('Penutup'),
  sessions: z
    .array(z.strictObject({ sessionId: uuid(), bodyHtml: richText('Pembahasan') }), { error: 'Daftar pembahasan sesi wajib dikirim' })
    .max(minutesLimits.sessionsMax, `Maksimal ${minutesLimits.sessionsMax} sesi`),
  version: versionField(),
});
export type MinutesBody = z.output<typeof minutesBody>;

const attendanceCategory = z.enum([...institutionCategories, 'other']);

export const minutesOutput = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    venue: z.string(),
    venueAddress: z.string().nullable(),
    status: z.enum(meetingStatuses),
  }),
  chairName: z.string().nullable(),
  chairPosition: z.string().nullable(),
  noteTakerName: z.string().nullable(),
  noteTakerPosition: z.string().nullable(),
  openingHtml: z.string(),
  closingHtml: z.string(),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      day: z.string().nullable(),
      startTime: z.string(),
      endTime: z.string(),
      title: z.string(),
      moderator: z.string().nullable(),
      bodyHtml: z.string(),
    }),
  ),
  attendance: z.object({
    total: z.number(),
    byCategory: z.array(z.object({ category: attendanceCategory, label: z.string(), count: z.number() })),
    attendees: z.array(
      z.object({ name: z.string(), position: z.string().nullable(), institution: z.string().nullable(), category: attendanceCategory }),
    ),
  }),
  version: z.number(),
  updatedAt: z.string().nullable(),
  can: z.object({ write: z.boolean() }),
});
export type Minutes = z.output<typeof minutesOutput>;
