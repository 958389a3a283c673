export const home = {
  welcome: (name: string) => `Selamat datang, ${name}`,
  intro: 'Simpul menghubungkan humas instansi vertikal, pemerintah kabupaten/kota, perguruan tinggi, BUMN, BUMD dan OPD di Sumatera Barat.',
  members: 'Anggota forum per kategori',
  totalActive: (n: string) => `${n} lembaga aktif`,
  activities: 'Kegiatan',
  addInstitution: 'Tambah lembaga',
};
