import type { KakInput } from '../../shared/kak';

/**
 * The 2019 KAK of Koordinasi Kehumasan (../shared/reference), as data. The demo activity and the
 * document tests use it. Obvious typos of the source are corrected here; the document test lists them.
 */
export const reference2019 = {
  title: 'Koordinasi Kehumasan',
  fiscalYear: 2019,
  orgUnit: 'Biro Humas Sekretariat Daerah Provinsi Sumatera Barat',
  officerInCharge: {
    name: 'Rina Contoh, S.Sos (fiktif)',
    position: 'PPTK Kegiatan / Kabag. Pengelolaan Administrasi Informasi',
    nip: '197801012005012001',
  },
  signPlace: 'Padang',
  signDate: '2019-01',
  kak: {
    background: [
      'Rencana dan Strategi (RENSTRA) Biro Humas Sekretariat Daerah Sumatera Barat Tahun 2016-2021 disusun dengan mengacu pada Misi ke dua Kepala daerah ‘Meningkatkan tata pemerintahan yang baik, bersih, dan profesional’ dengan tujuan untuk meningkatkan tata pemerintahan yang baik, bersih, transparan, dan akuntabel yang oleh Humas ditandai dengan peningkatan produktifitas penyebarluasan informasi penyelenggaraan Pemerintah Daerah.',
      'Rencana dan Strategi (RENSTRA) Biro Humas Sekretariat Daerah Sumatera Barat Tahun 2011–2016 diharapkan dapat menjadi bahan pedoman dan acuan dalam perencanaan 5 (lima) tahun kedepan sesuai yang diharapkan dalam Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Provinsi Sumatera Barat Tahun 2016 – 2021.',
      'Dalam mewujudkan Renstra tersebut, Biro Humas melakukan kegiatan Koordinasi Kehumasan. Peran humas pemerintah secara strategis diimplementasikan di era keterbukaan informasi dan teknologi informasi sekarang ini. Peran dan fungsi SDM bidang kehumasan, menjadi strategis dalam rangka memenuhi informasi yang mendidik, mencerahkan dan memberdayakan bagi masyarakat.',
      'Melayani informasi publik secara baik kepada masyarakat. Pertama dibutuhkan, kemampuan melaksanakan tugas pada level yang ditentukan level kerja, kedua, pengetahuan kita mengintegrasikan fakta dalam rangka mendukung bidang kehumasan, dan sikap atau attitude. Ketiga hal tersebut, dilakukan melalui kegiatan kehumasan yang nantinya humas dapat bertransformasi menjadi humas yang profesional.',
    ],
    intent:
      'Kegiatan Koordinasi Kehumasan bermaksud sebagai wadah koordinasi, berbagi informasi dan mencari solusi dari apa-apa yang dialami humas pemerintah dalam menghadapi kendala dan tantangan yang terjadi pada setiap kegiatan kehumasan dilingkungan kerja sekaligus media penyebarluasan informasi kepada publik terkait dengan kebijakan dan program pemerintah.',
    objectives: [
      'Membantu Pemerintah dalam melancarkan arus informasi antar lembaga pemerintah / nonpemerintah dan antar Pemerintah dengan masyarakat.',
      'Mengadakan koordinasi dan kerjasama antar lembaga humas departemen, lembaga humas pemkab/ko, lembaga humas pemerintah Non Departemen, perguruan tinggi dan humas BUMN/BUMD.',
      'Merencanakan dan melaksanakan kegiatan kehumasan yang berkelanjutan dalam mencapai humas yang profesional.',
    ],
    legalBases: [
      {
        text: 'Peraturan Daerah Provinsi Sumatera Barat Nomor 8 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah Provinsi Sumatera Barat.',
        type: 'Peraturan Daerah Provinsi Sumatera Barat',
        number: '8',
        year: 2016,
        title: 'Pembentukan dan Susunan Perangkat Daerah Provinsi Sumatera Barat',
      },
      {
        text: 'Peraturan Daerah Provinsi Sumatera Barat tentang Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2019.',
        type: 'Peraturan Daerah Provinsi Sumatera Barat',
        number: null,
        year: null,
        title: 'Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2019',
      },
      {
        text: 'Peraturan Gubernur Sumatera Barat Nomor 68 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Sekretariat Daerah Provinsi Sumatera Barat.',
        type: 'Peraturan Gubernur Sumatera Barat',
        number: '68',
        year: 2016,
        title: 'Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Sekretariat Daerah Provinsi Sumatera Barat',
      },
      {
        text: 'Peraturan Gubernur Sumatera Barat Nomor 69 Tahun 2017 tentang Uraian Tugas Pokok dan Fungsi Sekretariat Daerah Provinsi Sumatera Barat.',
        type: 'Peraturan Gubernur Sumatera Barat',
        number: '69',
        year: 2017,
        title: 'Uraian Tugas Pokok dan Fungsi Sekretariat Daerah Provinsi Sumatera Barat',
      },
    ],
    method: [
      'Adapun pelaksanaan kegiatan ini dilakukan dalam bentuk rapat koordinasi kehumasan dengan mengundang narasumber-narasumber yang berkompeten bidang kehumasan dan memaparkan isu-isu kehumasan terkini serta mencarikan jalan keluar dari setiap persoalan-persoalan praktek kehumasan.',
    ],
    participants: {
      categories: ['vertical_agency', 'regency_city', 'university', 'bumn', 'bumd'],
      text: 'Peserta dari kegiatan ini merupakan pelaksana humas pada Badan/Lembaga vertikal, daerah Kabupaten dan Kota, Perguruan Tinggi, BUMN dan BUMD di Sumatera Barat dan dilakukan selama 1 (satu) dalam setahun.',
      frequency: '1 (satu) kali dalam setahun',
    },
    scheduleIntro: 'Adapun jadwal kegiatan sebagai berikut :',
    schedule: [
      {
        step: 'Melakukan persiapan dan pembentukan panitia pelaksana kegiatan',
        startMonth: 1,
        endMonth: 1,
        kind: 'preparation',
        status: 'done',
      },
      { step: 'Penentuan narasumber', startMonth: 2, endMonth: 3, kind: 'preparation', status: 'done' },
      { step: 'Mempersiapkan dokumen penyelenggaraan kegiatan', startMonth: 3, endMonth: 3, kind: 'preparation', status: 'done' },
      { step: 'Melaksanakan kegiatan Rapat Koordinasi Kehumasan', startMonth: 3, endMonth: 3, kind: 'meeting', status: 'done' },
    ],
    locations: ['Pelaksanaan Kegiatan Koordinasi Kehumasan dilakukan di Aula Kantor Gubernur Sumatera Barat.'],
    outputs: [
      {
        description:
          'Terselenggaranya kegiatan koordinasi kehumasan dengan Badan/lembaga vertikal, Pemerintah Kabupaten/Kota, Perguruan Tinggi, BUMN dan BUMD',
        indicator: 'Jumlah rapat koordinasi yang terselenggara',
        target: '1 kali',
      },
    ],
    funding: {
      total: 48_357_960,
      source: 'APBD Provinsi Sumatera Barat',
      label: 'Koordinasi Kehumasan',
      quarters: [46_733_000, 1_624_960, 0, 0],
    },
  } satisfies KakInput,
};

/** Typos of the source text corrected in reference2019 (source -> corrected). */
export const reference2019Corrections: Record<string, string> = {
  infomasi: 'informasi',
  Adapaun: 'Adapun',
  Tribwulan: 'Triwulan',
  penyelenggaraaan: 'penyelenggaraan',
};
