import { optionalText, safeString, text, uuid, z } from '../zod';

/**
 * Check-in at a meeting: the API's inputs and answers, shared by the server routes and the SPA's check-in
 * screen (which keeps the same shapes in IndexedDB while the hall's network is down).
 */

/** A client-generated id (a UUID from the device): the server applies a check-in with one id once. */
export const clientId = () =>
  z.string({ error: 'ID klien wajib diisi' }).regex(/^[A-Za-z0-9_-]{8,64}$/, 'ID klien tidak valid (8-64 huruf, angka, - atau _)');

export const meetingIdParams = z.object({ meetingId: uuid() });

/** One check-in: by the QR ticket's content or by a registration id (search by name at the desk). */
export const checkInItem = z
  .object({
    clientId: clientId(),
    /** What the QR code says: the ticket token, a link ending in it, or a name tag's `simpul:badge:<id>`. */
    ticket: safeString().trim().max(300, 'Isi QR terlalu panjang').optional(),
    registrationId: uuid().optional(),
    /** When the device recorded the arrival (ISO 8601); later than now is taken as now. */
    scannedAt: z.iso.datetime({ offset: true, error: 'Waktu pindai tidak valid' }).optional(),
    /** The device's name shown to other phones ("HP-2"). */
    deviceLabel: optionalText(40),
  })
  .refine((v) => (v.ticket ? 1 : 0) + (v.registrationId ? 1 : 0) === 1, {
    message: 'Kirim isi QR tiket atau ID pendaftaran (salah satu)',
    path: ['ticket'],
  });
export type CheckInItem = z.input<typeof checkInItem>;

export const checkInBatchInput = z.object({
  items: z.array(checkInItem).min(1, 'Tidak ada check-in').max(1000, 'Maksimal 1.000 check-in per kiriman'),
});

export const checkInRecord = z.object({
  id: z.string(),
  registrationId: z.string(),
  meetingDay: z.string(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  byName: z.string().nullable(),
  deviceLabel: z.string().nullable(),
});
export type CheckInRecord = z.infer<typeof checkInRecord>;

export const participantSummary = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  institution: z.string().nullable(),
});

/**
 * `checked_in`: this check-in (or a retry of it with the same client id) is the one recorded.
 * `already`: the person was checked in earlier today by another scan; the message says when and by whom.
 */
export const checkInResult = z.object({
  clientId: z.string(),
  status: z.enum(['checked_in', 'already']),
  message: z.string(),
  checkIn: checkInRecord,
  participant: participantSummary,
});
export type CheckInResult = z.infer<typeof checkInResult>;

export const checkInBatchOutput = z.object({
  results: z.array(
    z.union([
      checkInResult.extend({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), clientId: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
    ]),
  ),
});
export type CheckInBatchOutput = z.infer<typeof checkInBatchOutput>;

export const checkOutParams = z.object({ meetingId: uuid(), checkInId: uuid() });

/** The participant list a check-in phone keeps (committee managers of the meeting only; no contact data). */
export const deviceParticipant = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  institution: z.string().nullable(),
  category: z.string().nullable(),
  walkIn: z.boolean(),
  /** sha256 (hex) of the ticket token: the phone recognises a scanned ticket without the network. */
  ticketHash: z.string(),
});
export type DeviceParticipant = z.infer<typeof deviceParticipant>;

export const checkInMeeting = z.object({
  id: z.string(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  venue: z.string(),
  status: z.string(),
});
export type CheckInMeeting = z.infer<typeof checkInMeeting>;

export const participantListOutput = z.object({
  meeting: checkInMeeting,
  /** The meeting day check-ins count for now (WIB, clamped into the meeting's days). */
  day: z.string(),
  participants: z.array(deviceParticipant),
  checkIns: z.array(checkInRecord),
  generatedAt: z.string(),
});
export type ParticipantList = z.infer<typeof participantListOutput>;

export const participantSearchQuery = z.object({ q: text(100).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const participantSearchOutput = z.object({
  items: z.array(participantSummary.extend({ category: z.string().nullable(), checkIn: checkInRecord.nullable() })),
  total: z.number().int(),
});

export const dayQuery = z.object({ day: z.iso.date('Tanggal tidak valid').optional() });

/** The live attendance board (projector). */
export const attendanceOutput = z.object({
  meeting: checkInMeeting,
  day: z.string(),
  totals: z.object({
    invitedInstitutions: z.number().int(),
    presentInstitutions: z.number().int(),
    registered: z.number().int(),
    checkedIn: z.number().int(),
    /** Checked in without being an expected delegate of an invited institution (walk-ins). */
    walkIns: z.number().int(),
  }),
  byCategory: z.array(
    z.object({
      category: z.string(),
      label: z.string(),
      invited: z.number().int(),
      present: z.number().int(),
      registered: z.number().int(),
      checkedIn: z.number().int(),
    }),
  ),
  missing: z.array(z.object({ institutionId: z.string(), name: z.string(), category: z.string(), registered: z.number().int() })),
  /** Arrivals per 15 minutes (WIB 'HH:MM' of the slot's start) and the running total. */
  arrivals: z.array(z.object({ slot: z.string(), count: z.number().int(), cumulative: z.number().int() })),
  recent: z.array(z.object({ name: z.string(), institution: z.string().nullable(), at: z.string() })),
  generatedAt: z.string(),
});
export type Attendance = z.infer<typeof attendanceOutput>;

export const badgePrefix = 'simpul:badge:';

/** The token inside a QR's text: the bare token, or a link whose last path segment (or `?t=`) is the token. */
export function ticketToken(qr: string): string {
  const s = qr.trim();
  try {
    if (/^https?:\/\//i.test(s)) {
      const url = new URL(s);
      const t = url.searchParams.get('t') ?? url.searchParams.get('token');
      if (t) return t;
      return decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
    }
  } catch {
    return s;
  }
  return s;
}
