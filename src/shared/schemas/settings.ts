import { rupiahStyles } from '../money';
import { requiredText, text, z } from '../zod';

/**
 * Organisation settings: the letterhead (kop surat) printed on documents and the rupiah style.
 * Stored as one row of the `settings` table (key "organisation").
 */
export const organisationSettingsSchema = z.strictObject({
  /** The unit's name, one line each, top to bottom (e.g. PEMERINTAH PROVINSI ... / SEKRETARIAT DAERAH / BIRO ...). */
  unitNameLines: z
    .array(requiredText(120, 'Baris nama unit'))
    .min(1, 'Isi minimal satu baris nama unit')
    .max(5, 'Maksimal 5 baris nama unit'),
  address: text(300),
  phone: text(120),
  email: z.union([z.literal(''), z.string().trim().toLowerCase().max(254).pipe(z.email('Alamat e-mail tidak valid'))]),
  website: text(200),
  /** An uploaded PNG or JPEG (files table) printed at the left of the letterhead. */
  logoFileId: z.uuid('ID berkas logo tidak valid').nullable(),
  /** "Rp." prints amounts as in the reference KAK ("Rp. 48.357.960,-"); "Rp" as "Rp 48.357.960". */
  rupiahStyle: z.enum(rupiahStyles),
});
export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;

export const defaultOrganisationSettings: OrganisationSettings = {
  unitNameLines: ['PEMERINTAH PROVINSI SUMATERA BARAT', 'SEKRETARIAT DAERAH', 'BIRO ADMINISTRASI PIMPINAN'],
  address: 'Jalan Jenderal Sudirman No. 51 Padang 25121',
  phone: 'Telp. (0751) 31401',
  email: 'humas@sumbarprov.go.id',
  website: 'www.sumbarprov.go.id',
  logoFileId: null,
  rupiahStyle: 'Rp.',
};

export { letterheadDetailLines } from '../letterhead';

/** The answer of GET/PUT /api/settings/organisation and of the logo upload (plain strings: nothing to transform). */
export const organisationSettingsOutput = z.object({
  unitNameLines: z.array(z.string()),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  logoFileId: z.uuid().nullable(),
  rupiahStyle: z.enum(rupiahStyles),
});
