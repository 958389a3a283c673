import { describe, expect, it } from 'vitest';
import { rupiah } from './kak';

const messages = (v: unknown) =>
  rupiah()
    .safeParse(v)
    .error?.issues.map((i) => i.message) ?? [];

describe('rupiah amounts in forms', () => {
  it('says what the largest amount is, not "harus bilangan bulat", for an amount above it', () => {
    expect(messages(1e15)).toEqual(['Nilai rupiah paling banyak Rp 999.999.999.999.999']);
    expect(messages(1e16)).toEqual(['Nilai rupiah paling banyak Rp 999.999.999.999.999']);
    expect(messages(12345678901234567890)).toEqual(['Nilai rupiah paling banyak Rp 999.999.999.999.999']);
  });

  it('still refuses fractions and negative amounts, and accepts the largest one', () => {
    expect(messages(1.5)).toEqual(['Nilai rupiah harus bilangan bulat']);
    expect(messages(-5)).toEqual(['Nilai rupiah tidak boleh negatif']);
    expect(messages(999_999_999_999_999)).toEqual([]);
    expect(messages(0)).toEqual([]);
  });
});
