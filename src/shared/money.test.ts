import { describe, expect, it } from 'vitest';
import { formatRupiah, groupThousands, spellNumber, spellRupiah } from './money';

describe('formatRupiah', () => {
  it('uses dots between thousands and no decimals', () => {
    expect(formatRupiah(48_357_960)).toBe('Rp 48.357.960');
    expect(formatRupiah(1_624_960)).toBe('Rp 1.624.960');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1000)).toBe('Rp 1.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999_999_999_999_999)).toBe('Rp 999.999.999.999.999');
  });

  it('prints the reference style "Rp. 48.357.960,-"', () => {
    expect(formatRupiah(48_357_960, { style: 'Rp.', suffix: true })).toBe('Rp. 48.357.960,-');
    expect(formatRupiah(46_733_000, { style: 'Rp.' })).toBe('Rp. 46.733.000');
  });

  it('prints zero as a dash in tables when asked', () => {
    expect(formatRupiah(0, { style: 'Rp.', zeroAsDash: true })).toBe('Rp. -');
    expect(formatRupiah(0, { style: 'Rp', zeroAsDash: true })).toBe('Rp -');
    expect(formatRupiah(5, { style: 'Rp.', zeroAsDash: true })).toBe('Rp. 5');
  });

  it('rounds fractions to whole rupiah and keeps the sign of a deficit', () => {
    expect(formatRupiah(1234.6)).toBe('Rp 1.235');
    expect(formatRupiah(-1_500_000)).toBe('-Rp 1.500.000');
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(groupThousands(1_000_000)).toBe('1.000.000');
  });
});

describe('spellRupiah (terbilang)', () => {
  const cases: Array<[number, string]> = [
    [0, 'nol'],
    [1, 'satu'],
    [7, 'tujuh'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [199, 'seratus sembilan puluh sembilan'],
    [200, 'dua ratus'],
    [1_000, 'seribu'],
    [1_001, 'seribu satu'],
    [1_100, 'seribu seratus'],
    [1_999, 'seribu sembilan ratus sembilan puluh sembilan'],
    [2_000, 'dua ribu'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [12_500, 'dua belas ribu lima ratus'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [111_111, 'seratus sebelas ribu seratus sebelas'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_000_001, 'satu juta satu'],
    [1_001_000, 'satu juta seribu'],
    [2_001_000, 'dua juta seribu'],
    [11_000_000, 'sebelas juta'],
    [100_000_000, 'seratus juta'],
    [1_000_000_000, 'satu miliar'],
    [1_000_001_000, 'satu miliar seribu'],
    [25_000_000_000, 'dua puluh lima miliar'],
    [1_000_000_000_000, 'satu triliun'],
    [1_000_000_001_000, 'satu triliun seribu'],
    [
      999_999_999_999_999,
      'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar ' +
        'sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu ' +
        'sembilan ratus sembilan puluh sembilan',
    ],
    [46_733_000, 'empat puluh enam juta tujuh ratus tiga puluh tiga ribu'],
    [1_624_960, 'satu juta enam ratus dua puluh empat ribu sembilan ratus enam puluh'],
  ];
  it.each(cases)('%d is "%s"', (n, words) => {
    expect(spellNumber(n)).toBe(words);
    expect(spellRupiah(n)).toBe(`${words} rupiah`);
    expect(spellRupiah(n, { rupiah: false })).toBe(words);
  });

  it('spells the 2019 budget as the KAK says it', () => {
    expect(spellRupiah(48_357_960)).toBe('empat puluh delapan juta tiga ratus lima puluh tujuh ribu sembilan ratus enam puluh rupiah');
  });

  it('has capitalised forms for documents', () => {
    expect(spellRupiah(1_001_000, { case: 'title' })).toBe('Satu Juta Seribu Rupiah');
    expect(spellRupiah(48_357_960, { case: 'sentence' })).toBe(
      'Empat puluh delapan juta tiga ratus lima puluh tujuh ribu sembilan ratus enam puluh rupiah',
    );
    expect(spellRupiah(0, { case: 'title', rupiah: false })).toBe('Nol');
  });

  it('refuses negative, fractional and too large amounts', () => {
    expect(() => spellRupiah(-1)).toThrow(RangeError);
    expect(() => spellRupiah(1.5)).toThrow(RangeError);
    expect(() => spellRupiah(1_000_000_000_000_000)).toThrow(RangeError);
    expect(() => spellRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => spellRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
