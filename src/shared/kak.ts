import { institutionCategories } from './categories';
import { isoDateError, signDateError } from './dates';
import { maxRupiahMessage, maxSpelledRupiah } from './money';
import { requiredText, text, z } from './zod';

/**
 * The Terms of Reference (Kerangka Acuan Kerja, KAK) of one activity, sections A-G, as data.
 * One source for the screens, the checks, the DOCX/PDF documents and the Word import.
 */

/** Far above any regional activity budget, and the largest amount terbilang can say. */
export const maxRupiah = maxSpelledRupiah;
// The bound is checked first and stops the checks: zod's int() refuses numbers beyond 2^53 as "not whole",
// which would tell someone who typed too many digits the wrong thing.
export const rupiah = () =>
  z
    .number()
    .max(maxRupiah, { message: maxRupiahMessage, abort: true })
    .int('Nilai rupiah harus bilangan bulat')
    .min(0, 'Nilai rupiah tidak boleh negatif');
export const month = () => z.number().int().min(1, 'Bulan harus 1-12').max(12, 'Bulan harus 1-12');
const paragraph = () => text(5000).min(1, 'Paragraf tidak boleh kosong');
/** A real calendar day "YYYY-MM-DD"; "2027-02-30" is refused with a message that says why (shared/dates.ts). */
export const isoDate = () =>
  z.string().superRefine((v, c) => {
    const message = isoDateError(v);
    if (message) c.addIssue({ code: 'custom', message });
  });

export const scheduleStatuses = ['planned', 'in_progress', 'done'] as const;
export const activityStatuses = ['draft', 'approved', 'running', 'done'] as const;

/** A regulation; `text` is the sentence as printed, the parts are optional structure. */
export const legalBasisSchema = z.strictObject({
  text: requiredText(1000, 'Dasar hukum'),
  type: text(120).optional(), // e.g. Peraturan Daerah Provinsi Sumatera Barat
  number: text(40).nullable().optional(),
  year: z.number().int().min(1945).max(2100).nullable().optional(),
  title: text(800).optional(), // what follows "tentang"
});

export const scheduleStepSchema = z.strictObject({
  step: requiredText(500, 'Tahapan'),
  startMonth: month(),
  endMonth: month(),
  startDate: isoDate().nullable().optional(),
  endDate: isoDate().nullable().optional(),
  responsible: text(200).nullable().optional(),
  /** Marks the meeting itself, so that the check can warn when it precedes its preparation. */
  kind: z.enum(['preparation', 'meeting', 'other']).default('other'),
  status: z.enum(scheduleStatuses).default('planned'),
});

export const outputSchema = z.strictObject({
  description: requiredText(1000, 'Keluaran'),
  indicator: text(500).default(''),
  target: text(200).default(''),
});

export const fundingSchema = z.strictObject({
  total: rupiah(),
  source: requiredText(200, 'Sumber dana'), // e.g. APBD Provinsi Sumatera Barat
  /** Label of the row in the per-quarter table, usually the activity name. */
  label: text(300).default(''),
  quarters: z.tuple([rupiah(), rupiah(), rupiah(), rupiah()]),
});

export const participantsSchema = z.strictObject({
  categories: z.array(z.enum(institutionCategories)).max(institutionCategories.length).default([]),
  /** The paragraph as printed in section D. */
  text: text(5000).default(''),
  frequency: text(200).default(''),
});

export const kakSchema = z.strictObject({
  background: z.array(paragraph()).max(50).default([]),
  intent: text(5000).default(''),
  objectives: z.array(text(2000).min(1)).max(50).default([]),
  legalBases: z.array(legalBasisSchema).max(50).default([]),
  method: z.array(paragraph()).max(30).default([]),
  participants: participantsSchema.default({ categories: [], text: '', frequency: '' }),
  scheduleIntro: text(1000).default('Adapun jadwal kegiatan sebagai berikut :'),
  schedule: z.array(scheduleStepSchema).max(60).default([]),
  locations: z.array(text(1000).min(1)).max(20).default([]),
  outputs: z.array(outputSchema).max(30).default([]),
  funding: fundingSchema.default({ total: 0, source: 'APBD Provinsi Sumatera Barat', label: '', quarters: [0, 0, 0, 0] }),
});
export type Kak = z.output<typeof kakSchema>;
export type KakInput = z.input<typeof kakSchema>;

export const officerInChargeSchema = z.strictObject({
  name: text(120).default(''),
  position: text(300).default(''),
  nip: z.union([z.literal(''), z.string().regex(/^\d{18}$/, 'NIP harus 18 digit angka')]).default(''),
});

/** Sign date as printed: a full date (YYYY-MM-DD) or only a month (YYYY-MM), as in "Padang, Januari 2019". */
export const signDateSchema = z.string().superRefine((v, c) => {
  const message = signDateError(v);
  if (message) c.addIssue({ code: 'custom', message });
});
