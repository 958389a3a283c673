import { formatDateId } from './dates';

/** Dates and times of a meeting as Indonesian letters print them ("Senin, 11 Maret 2019", "08.30 – 12.00 WIB"). */

export const dayNames = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

/** "2019-03-11" -> "Senin". */
export function dayNameId(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return dayNames[d.getUTCDay()]!;
}

/** "Senin, 11 Maret 2019", or "Senin s.d. Selasa, 11 s.d. 12 Maret 2019" style for several days. */
export function formatMeetingDate(startDate: string, endDate: string): string {
  if (startDate === endDate) return `${dayNameId(startDate)}, ${formatDateId(startDate)}`;
  return `${dayNameId(startDate)} s.d. ${dayNameId(endDate)}, ${formatDateId(startDate)} s.d. ${formatDateId(endDate)}`;
}

/** "08:30" -> "08.30". */
export const clockId = (hhmm: string) => hhmm.replace(':', '.');

/** "08.30 – 12.00 WIB". */
export function formatMeetingTime(startTime: string, endTime: string): string {
  return `${clockId(startTime)} – ${clockId(endTime)} WIB`;
}
