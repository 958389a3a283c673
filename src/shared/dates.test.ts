import { describe, expect, it } from 'vitest';
import {
  formatDateId,
  formatInstantId,
  formatMonthRange,
  formatMonthYear,
  formatSignDate,
  isoDateError,
  jakartaIsoDate,
  monthNames,
  signDateError,
} from './dates';
import { isoDate, signDateSchema } from './kak';

describe('Indonesian calendar dates', () => {
  it('prints a date with the Indonesian month name', () => {
    expect(formatDateId('2026-11-26')).toBe('26 November 2026');
    expect(formatDateId('2019-01-05')).toBe('5 Januari 2019');
    expect(formatDateId('2024-02-29')).toBe('29 Februari 2024');
    expect(formatDateId('2019-08-17')).toBe('17 Agustus 2019');
  });

  it('refuses malformed or impossible dates', () => {
    expect(() => formatDateId('2023-02-29')).toThrow(RangeError);
    expect(() => formatDateId('2019-13-01')).toThrow(RangeError);
    expect(() => formatDateId('26/11/2026')).toThrow(RangeError);
    expect(() => formatMonthYear(2019, 0)).toThrow(RangeError);
    expect(() => formatMonthYear(2019, 13)).toThrow(RangeError);
  });

  it('says in Indonesian why a date is not a real day, for every date field of the schemas', () => {
    expect(isoDateError('2027-02-28')).toBeNull();
    expect(isoDateError('2028-02-29')).toBeNull();
    expect(isoDateError('2027-02-30')).toBe('Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28');
    expect(isoDateError('2027-02-29')).toBe('Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28');
    expect(isoDateError('2027-04-31')).toBe('Tanggal tidak ada: April 2027 hanya sampai tanggal 30');
    expect(isoDateError('2027-13-01')).toBe('Bulan harus 01-12');
    expect(isoDateError('2027-2-3')).toBe('Tanggal harus berformat YYYY-MM-DD');
    expect(signDateError('2027-02')).toBeNull();
    expect(signDateError('2027-00')).toBe('Bulan harus 01-12');
    expect(signDateError('2027-02-30')).toBe('Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28');
    expect(signDateError('30-02-2027')).toBe('Tanggal harus YYYY-MM atau YYYY-MM-DD');
    const refused = signDateSchema.safeParse('2027-02-30');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28');
    expect(isoDate().safeParse('2100-02-29').success).toBe(false);
    expect(isoDate().safeParse('2000-02-29').success).toBe(true);
    expect(() => formatDateId('2027-02-30')).toThrow('Tanggal tidak ada: Februari 2027 hanya sampai tanggal 28');
  });

  it('names all twelve months in Indonesian', () => {
    expect(monthNames).toEqual([
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ]);
    expect(formatMonthYear(2019, 1)).toBe('Januari 2019');
    expect(formatMonthYear(2019, 12)).toBe('Desember 2019');
  });

  it('prints month ranges of the schedule table, one month when they are the same', () => {
    expect(formatMonthRange(2019, 2, 3)).toBe('Februari 2019 – Maret 2019');
    expect(formatMonthRange(2019, 3, 3)).toBe('Maret 2019');
    expect(formatMonthRange(2019, 1, 12)).toBe('Januari 2019 – Desember 2019');
  });

  it('prints the sign date with or without a day', () => {
    expect(formatSignDate('2019-01')).toBe('Januari 2019');
    expect(formatSignDate('2019-01-15')).toBe('15 Januari 2019');
    expect(() => formatSignDate('2019-1')).toThrow(RangeError);
  });
});

describe('instants in WIB (Asia/Jakarta, UTC+7)', () => {
  it('an evening in UTC is already the next day in Jakarta', () => {
    const instant = new Date('2026-11-25T20:00:00Z');
    expect(formatInstantId(instant)).toBe('26 November 2026');
    expect(formatInstantId(instant, { time: true })).toBe('26 November 2026 pukul 03.00 WIB');
    expect(jakartaIsoDate(instant)).toBe('2026-11-26');
  });

  it('just before midnight WIB is still the same day, and New Year arrives seven hours early', () => {
    expect(formatInstantId(new Date('2026-11-25T16:59:59Z'))).toBe('25 November 2026');
    expect(formatInstantId(new Date('2026-11-25T17:00:00Z'))).toBe('26 November 2026');
    expect(formatInstantId(new Date('2018-12-31T17:30:00Z'), { time: true })).toBe('1 Januari 2019 pukul 00.30 WIB');
  });

  it('refuses an invalid instant', () => {
    expect(() => formatInstantId(new Date('nonsense'))).toThrow(RangeError);
  });
});
