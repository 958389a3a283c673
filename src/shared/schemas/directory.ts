import { categoryLabels, institutionCategories, type InstitutionCategory } from '../categories';
import { normalizePhone, phoneMessage } from '../phone';
import { normalizeSearch } from '../text';
import { email, requiredEnum, requiredText, safeString, text, z } from '../zod';

/**
 * Shapes of the member directory API (institutions and their PR officers): inputs validated on both
 * sides, outputs documented in OpenAPI. Timestamps arrive in the SPA as ISO 8601 strings.
 */

export const prFunctionalLevels = ['terampil', 'mahir', 'penyelia', 'ahli_pertama', 'ahli_muda', 'ahli_madya', 'ahli_utama'] as const;
export type PrFunctionalLevel = (typeof prFunctionalLevels)[number];
/** Jenjang jabatan fungsional Pranata Humas. */
export const prFunctionalLevelLabels: Record<PrFunctionalLevel, string> = {
  terampil: 'Terampil',
  mahir: 'Mahir',
  penyelia: 'Penyelia',
  ahli_pertama: 'Ahli Pertama',
  ahli_muda: 'Ahli Muda',
  ahli_madya: 'Ahli Madya',
  ahli_utama: 'Ahli Utama',
};

/** Kemendagri region code of a regency or city, e.g. 13.71 (Kota Padang). */
export const regionCodePattern = /^\d{2}\.\d{2}$/;
export const regionCodeMessage = 'Kode wilayah harus berformat NN.NN (kode Kemendagri, mis. 13.71)';
export const regionCodeRequiredMessage = 'Kode wilayah wajib diisi untuk Pemerintah Kabupaten/Kota';
export const nipMessage = 'NIP harus 18 digit angka';
export const categoryRequiredMessage = 'Kategori wajib dipilih';
export const categoryMessage = `Kategori tidak dikenal (pilihan: ${institutionCategories.map((c) => categoryLabels[c].id).join(', ')})`;
export const levelMessage = `Jenjang Pranata Humas tidak dikenal (pilihan: ${prFunctionalLevels.map((l) => prFunctionalLevelLabels[l]).join(', ')})`;

/** Finds a category by its code or Indonesian/English label, ignoring case and accents. */
export function parseCategory(value: string): InstitutionCategory | null {
  const key = normalizeSearch(value).replace(/[\s_]+/g, ' ');
  if (!key) return null;
  for (const c of institutionCategories) {
    const names = [c.replace(/_/g, ' '), categoryLabels[c].id, categoryLabels[c].en].map((n) => normalizeSearch(n));
    if (names.includes(key)) return c;
  }
  const aliases: Record<string, InstitutionCategory> = {
    vertikal: 'vertical_agency',
    'instansi vertikal': 'vertical_agency',
    'lembaga vertikal': 'vertical_agency',
    'kabupaten/kota': 'regency_city',
    'kab/kota': 'regency_city',
    pemkab: 'regency_city',
    pemko: 'regency_city',
    pemkot: 'regency_city',
    lpnk: 'non_departmental',
    'lembaga non kementerian': 'non_departmental',
    universitas: 'university',
    kampus: 'university',
    opd: 'provincial_agency',
    'perangkat daerah provinsi': 'provincial_agency',
    biro: 'bureau',
  };
  return aliases[key] ?? null;
}

/** Finds a Pranata Humas level by its code or label ("Ahli Muda", "ahli_muda"). */
export function parsePrFunctionalLevel(value: string): PrFunctionalLevel | null {
  const key = normalizeSearch(value).replace(/[\s_]+/g, ' ');
  return prFunctionalLevels.find((l) => l.replace('_', ' ') === key) ?? null;
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Optional text: absent = unchanged, '' or null = cleared. */
const optional = (max: number) => z.preprocess(blankToNull, text(max).nullable()).optional();
const optionalEmail = () => z.preprocess(blankToNull, email().nullable()).optional();
export const phone = () =>
  z
    .string()
    .max(40, 'Maksimal 40 karakter')
    .transform((v, c) => {
      const normalized = normalizePhone(v);
      if (!normalized) {
        c.addIssue({ code: 'custom', message: phoneMessage });
        return z.NEVER;
      }
      return normalized;
    });
const optionalPhone = () => z.preprocess(blankToNull, phone().nullable()).optional();
const website = () =>
  safeString() // a URL parser drops a trailing NUL; refuse it before
    .trim()
    .max(300, 'Maksimal 300 karakter')
    .transform((v) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`))
    .pipe(z.url({ protocol: /^https?$/, message: 'Alamat situs web tidak valid (mis. https://padang.go.id)' }));
const regionCode = () => z.preprocess(blankToNull, z.string().trim().regex(regionCodePattern, regionCodeMessage).nullable()).optional();
/** NIP: 18 digits; spaces as printed on letters ("19780101 200501 2 001") are removed. */
export const nip = () =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? blankToNull(v.replace(/\s+/g, '')) : v),
      z
        .string()
        .max(40)
        .regex(/^\d{18}$/, nipMessage)
        .nullable(),
    )
    .optional();
const category = () => requiredEnum(institutionCategories, 'Kategori', categoryMessage);
const version = () => z.number({ error: 'Versi data wajib dikirim' }).int().min(1);

const institutionFields = {
  name: requiredText(200, 'Nama lembaga'),
  shortName: optional(80),
  category: category(),
  regionCode: regionCode(),
  address: optional(500),
  website: z.preprocess(blankToNull, website().nullable()).optional(),
  email: optionalEmail(),
  phone: optionalPhone(),
};

export const createInstitutionInput = z.strictObject(institutionFields).superRefine((v, c) => {
  if (v.category === 'regency_city' && !v.regionCode)
    c.addIssue({ code: 'custom', path: ['regionCode'], message: regionCodeRequiredMessage });
});
export const updateInstitutionInput = z.strictObject({
  ...institutionFields,
  name: institutionFields.name.optional(),
  category: category().optional(),
  version: version(),
});
export type CreateInstitutionInput = z.output<typeof createInstitutionInput>;
export type UpdateInstitutionInput = z.output<typeof updateInstitutionInput>;

const officerFields = {
  institutionId: z.uuid('ID lembaga tidak valid'),
  name: requiredText(120, 'Nama'),
  nip: nip(),
  position: optional(200),
  prFunctionalLevel: z.preprocess(blankToNull, z.enum(prFunctionalLevels, { error: levelMessage }).nullable()).optional(),
  email: optionalEmail(),
  phone: optionalPhone(),
  isMainContact: z.boolean().optional(),
};
/** institutionId may be left out by a member officer: their own institution is used. */
export const createOfficerInput = z.strictObject({ ...officerFields, institutionId: officerFields.institutionId.optional() });
export const updateOfficerInput = z.strictObject({
  ...officerFields,
  institutionId: officerFields.institutionId.optional(),
  name: officerFields.name.optional(),
  version: version(),
});
export type CreateOfficerInput = z.output<typeof createOfficerInput>;
export type UpdateOfficerInput = z.output<typeof updateOfficerInput>;

/** Body of deactivate/activate: the version read, to refuse a stale change. */
export const setActiveInput = z.strictObject({ version: version() });

const bool = () => z.enum(['true', 'false']);
export const listInstitutionsQuery = z.strictObject({
  q: text(200).optional(),
  category: category().optional(),
  active: bool().optional(),
  limit: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman').default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const listOfficersQuery = z.strictObject({
  q: text(200).optional(),
  institutionId: z.uuid('ID lembaga tidak valid').optional(),
  active: bool().optional(),
  limit: z.coerce.number().int().min(1).max(200, 'Maksimal 200 baris per halaman').default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListInstitutionsQuery = z.output<typeof listInstitutionsQuery>;
export type ListOfficersQuery = z.output<typeof listOfficersQuery>;

// ---- Outputs (response schemas; also the SPA's types) ----

export const institutionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  category: z.enum(institutionCategories),
  regionCode: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** GET /api/institutions/:id/logo when true. */
  hasLogo: z.boolean(),
  active: z.boolean(),
  officerCount: z.number().int().meta({ description: 'Active officers' }),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export const institutionDetailSchema = institutionSchema.extend({
  /** What the caller may do with this row (the server still checks). */
  canEdit: z.boolean(),
  canSeeOfficers: z.boolean(),
});
export const institutionListSchema = z.object({ items: z.array(institutionSchema), total: z.number().int() });

export const officerSchema = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  institutionShortName: z.string().nullable(),
  name: z.string(),
  nip: z.string().nullable(),
  position: z.string().nullable(),
  prFunctionalLevel: z.enum(prFunctionalLevels).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isMainContact: z.boolean(),
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export const officerListSchema = z.object({ items: z.array(officerSchema), total: z.number().int() });

export type Institution = z.output<typeof institutionSchema>;
export type InstitutionDetail = z.output<typeof institutionDetailSchema>;
export type Officer = z.output<typeof officerSchema>;
