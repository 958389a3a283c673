import type { ColumnKey } from '../../../shared/schemas/directoryImport';

export const importer = {
  title: 'Impor direktori',
  description:
    'Unggah berkas XLSX atau CSV berisi lembaga dan petugas humas. Berkas diperiksa dulu; tidak ada yang disimpan sebelum Anda memilih cara impor.',
  template: 'Unduh templat XLSX',
  file: 'Berkas XLSX atau CSV',
  fileHint: 'Satu baris per lembaga atau petugas; kolom "Jenis" berisi lembaga atau petugas. Maksimal 5 MB.',
  choose: 'Pilih berkas…',
  checking: 'Memeriksa berkas…',
  summaryRows: (n: string) => `${n} baris`,
  summaryValid: (n: string) => `${n} valid`,
  summaryInvalid: (n: string) => `${n} bermasalah`,
  summaryKinds: (i: string, o: string) => `${i} lembaga · ${o} petugas`,
  ignored: (cols: string) => `Kolom berikut tidak dikenal dan diabaikan: ${cols}`,
  importValid: 'Impor baris yang valid',
  importAll: 'Impor semua (batal bila ada yang salah)',
  doneTitle: 'Impor selesai',
  done: (r: {
    institutions: string;
    officers: string;
    updatedInstitutions: string;
    updatedOfficers: string;
    updated: boolean;
    unchanged: string;
    skipped: string;
  }) =>
    [
      `${r.institutions} lembaga dan ${r.officers} petugas humas disimpan`,
      r.updated ? `${r.updatedInstitutions} lembaga dan ${r.updatedOfficers} petugas humas diperbarui` : null,
      r.unchanged !== '0' ? `${r.unchanged} baris sama dengan data tersimpan (tidak diubah)` : null,
      `${r.skipped} baris bermasalah dilewati.`,
    ]
      .filter(Boolean)
      .join('; '),
  summaryNew: (n: string) => `${n} baru`,
  summaryChanged: (n: string) => `${n} berubah`,
  summaryUnchanged: (n: string) => `${n} sama`,
  nothingToDo: 'Semua baris valid sama dengan data tersimpan: tidak ada yang perlu diimpor.',
  show: 'Tampilkan',
  filters: { all: 'Semua', invalid: 'Bermasalah', new: 'Baru', changed: 'Berubah', unchanged: 'Sama' },
  status: { new: 'Baru', changed: 'Berubah', unchanged: 'Sama', invalid: 'Bermasalah' },
  empty: '(kosong)',
  toDirectory: 'Lihat direktori',
  previewTitle: (name: string) => `Pratinjau ${name}`,
  row: 'Baris',
  problems: 'Status dan masalah',
  ok: 'Valid',
  columns: {
    kind: 'Jenis',
    name: 'Nama',
    shortName: 'Singkatan',
    category: 'Kategori',
    regionCode: 'Kode Wilayah',
    address: 'Alamat',
    website: 'Situs Web',
    email: 'E-mail',
    phone: 'Telepon',
    institution: 'Lembaga',
    nip: 'NIP',
    position: 'Jabatan',
    prFunctionalLevel: 'Jenjang Pranata Humas',
    isMainContact: 'Kontak Utama',
    id: 'ID',
    version: 'Versi',
  } as Record<ColumnKey, string>,
};
