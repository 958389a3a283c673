import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';
import { normalizeSearch, searchTerms } from './text';

describe('Indonesian phone numbers', () => {
  it('normalises the ways people write a number to +62', () => {
    expect(normalizePhone('0812-3456-7890')).toBe('+6281234567890');
    expect(normalizePhone('+62 812 3456 7890')).toBe('+6281234567890');
    expect(normalizePhone('6281234567890')).toBe('+6281234567890'); // copied from a wa.me link
    expect(normalizePhone('81234567890')).toBe('+6281234567890'); // a spreadsheet dropped the 0
    expect(normalizePhone('(0751) 7051234')).toBe('+627517051234');
  });

  it('refuses what is not a phone number', () => {
    expect(normalizePhone('081234')).toBeNull();
    expect(normalizePhone('bukan nomor')).toBeNull();
    expect(normalizePhone('')).toBeNull();
  });
});

describe('search normalisation', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(normalizeSearch('  Universitas   ÁNDALAS ')).toBe('universitas andalas');
    expect(searchTerms('Kota  Sawahlunto')).toEqual(['kota', 'sawahlunto']);
  });
});
