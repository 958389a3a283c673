import type { Db } from '../db/client';
import { auditLog, institutions } from '../db/schema/index';
import type { InstitutionCategory } from '../../shared/categories';
import { normalizeSearch } from '../../shared/text';
import { institutionSearchText } from '../modules/directory/institutions';

type Reference = { name: string; shortName: string; category: InstitutionCategory; regionCode?: string; website?: string };

/** West Sumatra's 12 regencies and 7 cities with their Kemendagri codes. */
export const regenciesAndCities: [code: string, kind: 'Kabupaten' | 'Kota', name: string][] = [
  ['13.01', 'Kabupaten', 'Pesisir Selatan'],
  ['13.02', 'Kabupaten', 'Solok'],
  ['13.03', 'Kabupaten', 'Sijunjung'],
  ['13.04', 'Kabupaten', 'Tanah Datar'],
  ['13.05', 'Kabupaten', 'Padang Pariaman'],
  ['13.06', 'Kabupaten', 'Agam'],
  ['13.07', 'Kabupaten', 'Lima Puluh Kota'],
  ['13.08', 'Kabupaten', 'Pasaman'],
  ['13.09', 'Kabupaten', 'Kepulauan Mentawai'],
  ['13.10', 'Kabupaten', 'Dharmasraya'],
  ['13.11', 'Kabupaten', 'Solok Selatan'],
  ['13.12', 'Kabupaten', 'Pasaman Barat'],
  ['13.71', 'Kota', 'Padang'],
  ['13.72', 'Kota', 'Solok'],
  ['13.73', 'Kota', 'Sawahlunto'],
  ['13.74', 'Kota', 'Padang Panjang'],
  ['13.75', 'Kota', 'Bukittinggi'],
  ['13.76', 'Kota', 'Payakumbuh'],
  ['13.77', 'Kota', 'Pariaman'],
];

/** The member bodies every installation starts with (contact details are left for the members to fill in). */
export const referenceInstitutions: Reference[] = [
  {
    name: 'Biro Administrasi Pimpinan Sekretariat Daerah Provinsi Sumatera Barat',
    shortName: 'Biro Humas Setda Sumbar',
    category: 'bureau',
    website: 'https://sumbarprov.go.id',
  },
  ...regenciesAndCities.map(([regionCode, kind, name]) => ({
    name: `Pemerintah ${kind} ${name}`,
    shortName: `${kind === 'Kota' ? 'Pemko' : 'Pemkab'} ${name}`,
    category: 'regency_city' as const,
    regionCode,
  })),
  { name: 'PT Bank Nagari', shortName: 'Bank Nagari', category: 'bumd', website: 'https://www.banknagari.co.id' },
  { name: 'PT Jamkrida Sumbar', shortName: 'Jamkrida Sumbar', category: 'bumd' },
  { name: 'PT Balairung Citra Jaya Sumbar', shortName: 'Balairung Citra Jaya', category: 'bumd' },
  { name: 'PT Grafika Jaya Sumbar', shortName: 'Grafika Jaya Sumbar', category: 'bumd' },
  { name: 'PT Sijunjung Sumbar Energi', shortName: 'Sijunjung Sumbar Energi', category: 'bumd' },
  { name: 'Universitas Andalas', shortName: 'Unand', category: 'university', website: 'https://www.unand.ac.id' },
  { name: 'Universitas Negeri Padang', shortName: 'UNP', category: 'university', website: 'https://www.unp.ac.id' },
  { name: 'Universitas Islam Negeri Imam Bonjol Padang', shortName: 'UIN Imam Bonjol Padang', category: 'university' },
  { name: 'Institut Seni Indonesia Padang Panjang', shortName: 'ISI Padang Panjang', category: 'university' },
  { name: 'Politeknik Negeri Padang', shortName: 'PNP', category: 'university', website: 'https://www.pnp.ac.id' },
  { name: 'Kantor Wilayah Kementerian Agama Provinsi Sumatera Barat', shortName: 'Kanwil Kemenag Sumbar', category: 'vertical_agency' },
  { name: 'Kantor Wilayah Kementerian Hukum Sumatera Barat', shortName: 'Kanwil Kemenkum Sumbar', category: 'vertical_agency' },
  { name: 'Kepolisian Daerah Sumatera Barat', shortName: 'Polda Sumbar', category: 'vertical_agency' },
  { name: 'Balai Monitor Spektrum Frekuensi Radio Kelas II Padang', shortName: 'Balmon Padang', category: 'vertical_agency' },
  {
    name: 'Badan Pusat Statistik Provinsi Sumatera Barat',
    shortName: 'BPS Sumbar',
    category: 'non_departmental',
    website: 'https://sumbar.bps.go.id',
  },
  {
    name: 'Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat',
    shortName: 'Diskominfotik Sumbar',
    category: 'provincial_agency',
  },
  { name: 'PT PLN (Persero) UID Sumatera Barat', shortName: 'PLN UID Sumbar', category: 'bumn' },
  { name: 'PT Semen Padang', shortName: 'Semen Padang', category: 'bumn', website: 'https://www.semenpadang.co.id' },
  { name: 'PT Telkom Indonesia Witel Sumatera Barat', shortName: 'Telkom Witel Sumbar', category: 'bumn' },
  { name: 'PT Bank Rakyat Indonesia (Persero) Tbk Kantor Wilayah Padang', shortName: 'BRI Kanwil Padang', category: 'bumn' },
];

/**
 * Inserts the reference institutions that are missing (matched by name, ignoring case and accents, or for a
 * regency/city by its code), and writes one audit row 'directory.seed' with the counts when it added any.
 * Running it again changes nothing.
 */
export async function seedReferenceInstitutions(db: Db): Promise<{ inserted: number; existing: number }> {
  return db.transaction(async (tx) => {
    const stored = await tx
      .select({ name: institutions.name, category: institutions.category, regionCode: institutions.regionCode })
      .from(institutions);
    const names = new Set(stored.map((s) => normalizeSearch(s.name)));
    const codes = new Set(stored.filter((s) => s.category === 'regency_city').map((s) => s.regionCode));
    const missing = referenceInstitutions.filter(
      (r) => !names.has(normalizeSearch(r.name)) && !(r.regionCode && r.category === 'regency_city' && codes.has(r.regionCode)),
    );
    // ON CONFLICT DO NOTHING: two processes seeding the same empty database at once must not fail.
    const inserted = missing.length
      ? await tx
          .insert(institutions)
          .values(
            missing.map((r) => ({
              name: r.name,
              shortName: r.shortName,
              category: r.category,
              regionCode: r.regionCode ?? null,
              website: r.website ?? null,
              searchText: institutionSearchText(r),
            })),
          )
          .onConflictDoNothing()
          .returning({ category: institutions.category })
      : [];
    if (inserted.length) {
      const byCategory: Record<string, number> = {};
      for (const r of inserted) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
      await tx.insert(auditLog).values({
        actorLabel: 'sistem (data rujukan)',
        action: 'directory.seed',
        entityType: 'directory',
        after: { kind: 'reference', inserted: inserted.length, existing: referenceInstitutions.length - inserted.length, byCategory },
      });
    }
    return { inserted: inserted.length, existing: referenceInstitutions.length - inserted.length };
  });
}
