/**
 * Rupiah amounts as Indonesian documents print them: "Rp 48.357.960" (dot thousands, no decimals),
 * the reference's "Rp. 48.357.960,-", and the amount in words (terbilang).
 */

export type RupiahStyle = 'Rp' | 'Rp.';
export const rupiahStyles = ['Rp', 'Rp.'] as const satisfies readonly RupiahStyle[];

export type RupiahFormat = {
  /** "Rp" (the usual form) or "Rp." (the reference KAK's form). */
  style?: RupiahStyle;
  /** Appends ",-" after whole amounts, as in "Rp. 48.357.960,-". */
  suffix?: boolean;
  /** Prints zero as "Rp. -", as the reference's quarter table does. */
  zeroAsDash?: boolean;
};

/** Groups the digits of a whole number with dots: 48357960 -> "48.357.960". */
export function groupThousands(n: number): string {
  const digits = String(Math.abs(n));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Formats an amount of rupiah; fractions are rounded to whole rupiah. */
export function formatRupiah(n: number, opts: RupiahFormat = {}): string {
  if (!Number.isFinite(n)) throw new RangeError(`Nilai rupiah tidak valid: ${n}`);
  const style = opts.style ?? 'Rp';
  const whole = Math.round(n);
  if (whole === 0 && opts.zeroAsDash) return `${style} -`;
  const sign = whole < 0 ? '-' : '';
  return `${sign}${style} ${groupThousands(whole)}${opts.suffix ? ',-' : ''}`;
}

/** The largest amount spellRupiah can say: 999.999.999.999.999 (just under one thousand trillion). */
export const maxSpelledRupiah = 999_999_999_999_999;
/** What a form says about an amount above the bound: "Nilai rupiah paling banyak Rp 999.999.999.999.999". */
export const maxRupiahMessage = `Nilai rupiah paling banyak Rp ${groupThousands(maxSpelledRupiah)}`;

const ones = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
// Scales of 10^3k; "ribu" takes "se-" for one, the larger ones say "satu".
const scales = ['', 'ribu', 'juta', 'miliar', 'triliun'];

/** Words for 1..999. */
function spellHundreds(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) words.push('seratus');
  else if (h > 1) words.push(ones[h]!, 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(ones[rest]!);
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(ones[rest - 10]!, 'belas');
  else {
    words.push(ones[Math.floor(rest / 10)]!, 'puluh');
    if (rest % 10) words.push(ones[rest % 10]!);
  }
  return words;
}

/** Says a whole number from 0 to 999.999.999.999.999 in Indonesian words ("empat puluh delapan juta ..."). */
export function spellNumber(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Terbilang hanya untuk bilangan bulat: ${n}`);
  if (n < 0) throw new RangeError(`Terbilang tidak untuk bilangan negatif: ${n}`);
  if (n > maxSpelledRupiah) throw new RangeError(`Terbilang paling besar ${maxSpelledRupiah}: ${n}`);
  if (n === 0) return 'nol';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    if (i === 1 && g === 1) words.push('seribu');
    else words.push(...spellHundreds(g), ...(scales[i] ? [scales[i]!] : []));
  }
  return words.join(' ');
}

export type SpellCase = 'lower' | 'sentence' | 'title';

/**
 * The amount in words (terbilang): `spellRupiah(48357960)` -> "empat puluh delapan juta tiga ratus lima puluh
 * tujuh ribu sembilan ratus enam puluh rupiah". `case: 'title'` gives the capitalised form of receipts and
 * formal documents ("Empat Puluh Delapan Juta ... Rupiah"); `rupiah: false` leaves the currency word out.
 */
export function spellRupiah(n: number, opts: { rupiah?: boolean; case?: SpellCase } = {}): string {
  const words = spellNumber(n) + (opts.rupiah === false ? '' : ' rupiah');
  switch (opts.case ?? 'lower') {
    case 'title':
      return words.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
    case 'sentence':
      return words.charAt(0).toUpperCase() + words.slice(1);
    default:
      return words;
  }
}
