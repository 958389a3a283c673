/**
 * Times of releases are chosen and shown in WIB (Asia/Jakarta, UTC+7 all year: Indonesia has no daylight saving).
 * The date-time picker works with wall-clock strings ("2026-12-01 14:00:00") and no time zone; these helpers read
 * such a string as WIB and write it as ISO 8601 with an explicit +07:00 offset, whatever the browser's zone is.
 */
const offsetMs = 7 * 60 * 60 * 1000;

/** "2026-12-01 14:00:00" (WIB wall clock) -> "2026-12-01T14:00:00+07:00"; null for empty or malformed input. */
export function wibToIso(wall: string | null | undefined): string | null {
  if (!wall) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?/.exec(wall);
  if (!m) return null;
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+07:00`;
}

/** Any ISO instant -> its WIB wall clock "YYYY-MM-DD HH:mm:ss" (the picker's value). */
export function isoToWib(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return new Date(t + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** The WIB wall clock of now (the picker's lower bound). */
export function nowWib(now = new Date()): string {
  return new Date(now.getTime() + offsetMs).toISOString().slice(0, 19).replace('T', ' ');
}
