import { normalizeSearch } from '../../../shared/text';
import type { ColumnKey } from '../../../shared/schemas/directoryImport';

export type { ColumnKey };

/**
 * The columns of the directory import file (one sheet, one row per institution or officer; the "Jenis" column
 * says which). The export uses the same headers on two sheets ("Lembaga", "Petugas"), which the import also reads.
 */
export const importColumns = [
  { key: 'kind', header: 'Jenis', note: 'lembaga atau petugas', aliases: ['jenis baris', 'tipe'] },
  { key: 'name', header: 'Nama', note: 'Nama lengkap lembaga atau petugas (wajib)', aliases: ['nama lengkap', 'nama petugas'] },
  {
    key: 'shortName',
    header: 'Singkatan',
    note: 'Lembaga: singkatan/nama pendek, mis. Pemko Padang',
    aliases: ['nama singkat', 'nama pendek'],
  },
  {
    key: 'category',
    header: 'Kategori',
    note: 'Lembaga (wajib): kategori atau kodenya, lihat daftar di bawah',
    aliases: ['kategori lembaga'],
  },
  {
    key: 'regionCode',
    header: 'Kode Wilayah',
    note: 'Lembaga: kode Kemendagri NN.NN, wajib untuk Pemerintah Kabupaten/Kota (mis. 13.71)',
    aliases: ['kode kemendagri', 'kode daerah'],
  },
  { key: 'address', header: 'Alamat', note: 'Lembaga: alamat kantor', aliases: [] },
  { key: 'website', header: 'Situs Web', note: 'Lembaga: alamat situs, mis. https://padang.go.id', aliases: ['website', 'situs'] },
  {
    key: 'email',
    header: 'E-mail',
    note: 'Alamat e-mail lembaga atau petugas',
    aliases: ['email', 'surel', 'alamat e-mail', 'alamat email'],
  },
  {
    key: 'phone',
    header: 'Telepon',
    note: 'Telepon/WhatsApp: 08xx atau +62 (disimpan sebagai +62...)',
    aliases: ['telepon/whatsapp', 'telepon / whatsapp', 'whatsapp', 'no. hp', 'no hp', 'hp', 'telp', 'nomor telepon', 'no. telepon'],
  },
  {
    key: 'institution',
    header: 'Lembaga',
    note: 'Petugas (wajib): nama atau singkatan lembaganya (boleh lembaga baru di berkas ini)',
    aliases: ['instansi', 'asal lembaga'],
  },
  { key: 'nip', header: 'NIP', note: 'Petugas: 18 digit, boleh kosong (format kolom sebagai Teks)', aliases: [] },
  { key: 'position', header: 'Jabatan', note: 'Petugas: jabatan', aliases: [] },
  {
    key: 'prFunctionalLevel',
    header: 'Jenjang Pranata Humas',
    note: 'Petugas: Terampil, Mahir, Penyelia, Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama (boleh kosong)',
    aliases: ['jenjang', 'jenjang jabatan fungsional'],
  },
  {
    key: 'isMainContact',
    header: 'Kontak Utama',
    note: 'Petugas: ya atau tidak (satu kontak utama per lembaga)',
    aliases: ['kontak utama lembaga'],
  },
  {
    key: 'id',
    header: 'ID',
    note: 'Diisi oleh ekspor: baris dengan ID memperbarui lembaga atau petugas itu. Kosongkan untuk data baru.',
    aliases: ['id lembaga', 'id petugas'],
  },
  {
    key: 'version',
    header: 'Versi',
    note: 'Diisi oleh ekspor: bila data sudah diubah orang lain sejak diekspor, baris ditolak agar perubahan itu tidak tertimpa.',
    aliases: ['versi data'],
  },
] as const satisfies readonly { key: ColumnKey; header: string; note: string; aliases: readonly string[] }[];
// Every key the shared list names has its column here (the SPA labels columns by these keys).
const everyKeyHasAColumn: Exclude<ColumnKey, (typeof importColumns)[number]['key']> extends never ? true : never = true;
void everyKeyHasAColumn;

/** Columns only an export fills (the template leaves them out of its Data sheet). */
export const exportOnlyColumns = new Set<string>(['id', 'version']);

/** Columns compared with the stored row when a file row updates an existing institution or officer. */
export const institutionFields = [
  'name',
  'shortName',
  'category',
  'regionCode',
  'address',
  'website',
  'email',
  'phone',
] as const satisfies readonly ColumnKey[];
export const officerFields = [
  'name',
  'institution',
  'nip',
  'position',
  'prFunctionalLevel',
  'email',
  'phone',
  'isMainContact',
] as const satisfies readonly ColumnKey[];
export const headerOf = Object.fromEntries(importColumns.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;

const byHeader = new Map<string, ColumnKey>();
for (const c of importColumns) {
  for (const h of [c.header, ...c.aliases]) byHeader.set(headerKey(h), c.key);
}

function headerKey(text: string): string {
  return normalizeSearch(text).replace(/[^a-z0-9/]+/g, '');
}

/** The column a header cell names, ignoring case, accents, spaces and punctuation; null when unknown. */
export function columnOfHeader(text: string): ColumnKey | null {
  return byHeader.get(headerKey(text)) ?? null;
}

export type RowKind = 'institution' | 'officer';

/** "lembaga" / "petugas" (and a few synonyms) to the row kind. */
export function parseKind(text: string): RowKind | null {
  const key = normalizeSearch(text);
  if (['lembaga', 'instansi', 'institution', 'institusi'].includes(key)) return 'institution';
  if (['petugas', 'petugas humas', 'pejabat humas', 'humas', 'officer'].includes(key)) return 'officer';
  return null;
}

/** A sheet named like "Lembaga" or "Petugas" (as in the export) holds rows of that kind. */
export function kindOfSheet(name: string): RowKind | null {
  const key = normalizeSearch(name);
  if (key.startsWith('lembaga') || key.startsWith('instansi')) return 'institution';
  if (key.startsWith('petugas') || key.startsWith('pejabat')) return 'officer';
  return null;
}

/** Sheets of the template that hold instructions, not data. */
export function isInstructionSheet(name: string): boolean {
  return ['petunjuk', 'pilihan', 'daftar pilihan', 'keterangan'].includes(normalizeSearch(name));
}
