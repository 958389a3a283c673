import { eq, like } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../db/client';
import type { Ctx } from '../core/context';
import { enqueue } from '../core/jobs';
import { institutions, releaseEditors, releaseImages, releaseRevisions, releases, users } from '../db/schema/index';
import { sanitizeRichText } from '../core/richText';
import { processReleaseImage } from '../modules/releases/imageProcessing';
import { storeReleaseFile, variantName, type ImageVariant } from '../modules/releases/media';
import { releasePublishQueue } from '../modules/releases/publishJob';
import { mediaPrefix } from '../modules/releases/content';
import { richTextToPlain } from '../core/richText';
import { slugify, type ReleaseCategory, type ReleaseStatus } from '../../shared/releaseStates';

/** Fictional PR officers who write (and, flagged, approve) the demo releases. Shared with the forum demo by e-mail. */
const people = [
  {
    email: 'biro.humas@demo.simpul.local',
    name: 'Biro Humas Provinsi (fiktif)',
    institution: null,
    role: 'committee' as const,
    editor: true,
  },
  { email: 'rina.humas@agam.demo.simpul.local', name: 'Rina Marlina (fiktif)', institution: 'Pemerintah Kabupaten Agam', editor: false },
  { email: 'andi.editor@agam.demo.simpul.local', name: 'Andi Saputra (fiktif)', institution: 'Pemerintah Kabupaten Agam', editor: true },
  { email: 'fajar.humas@padang.demo.simpul.local', name: 'Fajar Saputra (fiktif)', institution: 'Pemerintah Kota Padang', editor: true },
  {
    email: 'dewi.humas@bukittinggi.demo.simpul.local',
    name: 'Dewi Anggraini (fiktif)',
    institution: 'Pemerintah Kota Bukittinggi',
    editor: true,
  },
  { email: 'nurul.humas@unand.demo.simpul.local', name: 'Nurul Hidayah (fiktif)', institution: 'Universitas Andalas', editor: true },
  { email: 'irwan.humas@semenpadang.demo.simpul.local', name: 'Irwan Chaniago (fiktif)', institution: 'PT Semen Padang', editor: true },
  {
    email: 'yeni.humas@diskominfo.demo.simpul.local',
    name: 'Yeni Rahmadani (fiktif)',
    institution: 'Dinas Komunikasi, Informatika',
    editor: true,
  },
];

type Seed = {
  /** Start of the issuing institution's name; null = the bureau. */
  by: string | null;
  title: string;
  summary: string;
  paragraphs: string[];
  category: ReleaseCategory;
  tags: string[];
  /** Days before now it went public (negative = in the future: scheduled). */
  daysAgo: number;
  status?: ReleaseStatus;
  image?: { scene: Scene; alt: string; caption: string; credit: string };
  featured?: boolean;
  releaseNumber?: string;
  reviewComment?: string;
  correction?: string;
};

type Scene = 'hills' | 'sea' | 'city' | 'field' | 'hall';

const seeds: Seed[] = [
  {
    by: null,
    title: 'Gubernur Sumbar Buka Rapat Koordinasi Kehumasan se-Sumatera Barat',
    summary:
      'Rakor kehumasan mempertemukan humas pemerintah kabupaten/kota, instansi vertikal, perguruan tinggi, BUMN dan BUMD di Aula Kantor Gubernur.',
    paragraphs: [
      'Gubernur Sumatera Barat membuka Rapat Koordinasi Kehumasan se-Sumatera Barat di Aula Kantor Gubernur, Padang. Rakor diikuti lebih dari 120 pejabat dan pranata humas dari 19 kabupaten/kota, instansi vertikal, perguruan tinggi, BUMN dan BUMD.',
      '"Humas pemerintah harus menjadi sumber informasi pertama yang dipercaya masyarakat. Jangan biarkan ruang informasi diisi kabar bohong," ujar Gubernur dalam sambutannya.',
      'Rakor membahas penguatan narasi tunggal pembangunan daerah, penanganan isu di media sosial, serta rencana penyebarluasan informasi bersama sepanjang tahun.',
    ],
    category: 'pemerintahan',
    tags: ['Rakor Kehumasan', 'Humas Pemerintah'],
    daysAgo: 1,
    featured: true,
    releaseNumber: '005/012/Humas-2026',
    image: {
      scene: 'hall',
      alt: 'Peserta rapat koordinasi kehumasan duduk di aula kantor gubernur',
      caption: 'Suasana Rakor Kehumasan di Aula Kantor Gubernur.',
      credit: 'Biro Humas Setda Sumbar',
    },
  },
  {
    by: 'Pemerintah Kabupaten Agam',
    title: 'Jembatan Gantung Nagari Koto Tinggi Kembali Dibuka untuk Warga',
    summary: 'Jembatan yang rusak diterjang banjir bandang kini dapat dilalui pejalan kaki dan sepeda motor.',
    paragraphs: [
      'Pemerintah Kabupaten Agam membuka kembali jembatan gantung di Nagari Koto Tinggi yang sempat terputus akibat banjir bandang. Jembatan sepanjang 60 meter itu menjadi akses utama warga menuju pasar dan sekolah.',
      'Bupati Agam meminta wali nagari bersama warga ikut menjaga jembatan dan melaporkan kerusakan sekecil apa pun melalui kanal pengaduan kabupaten.',
    ],
    category: 'pembangunan',
    tags: ['Jembatan', 'Agam', 'Pascabencana'],
    daysAgo: 2,
    image: {
      scene: 'hills',
      alt: 'Jembatan gantung melintasi sungai di antara perbukitan hijau',
      caption: 'Jembatan gantung Nagari Koto Tinggi setelah diperbaiki.',
      credit: 'Humas Pemkab Agam',
    },
  },
  {
    by: 'Pemerintah Kota Padang',
    title: 'Pemko Padang Perpanjang Jam Layanan Mal Pelayanan Publik hingga Sabtu',
    summary: 'Warga kini dapat mengurus 210 jenis layanan perizinan dan kependudukan pada hari Sabtu.',
    paragraphs: [
      'Mulai bulan ini Mal Pelayanan Publik Kota Padang melayani warga pada hari Sabtu pukul 08.00 hingga 12.00 WIB. Sebanyak 210 jenis layanan dari 28 instansi tersedia di satu gedung.',
      'Wali Kota Padang menyebut perpanjangan jam layanan menjawab keluhan pekerja yang sulit meninggalkan kantor pada hari kerja.',
    ],
    category: 'pemerintahan',
    tags: ['Pelayanan Publik', 'Padang'],
    daysAgo: 3,
  },
  {
    by: 'Pemerintah Kota Bukittinggi',
    title: 'Festival Jam Gadang Tarik 40 Ribu Pengunjung Selama Libur Panjang',
    summary: 'Okupansi hotel di Bukittinggi mencapai 92 persen; pedagang kuliner mencatat kenaikan omzet.',
    paragraphs: [
      'Festival Jam Gadang yang digelar selama libur panjang menarik sekitar 40 ribu pengunjung. Dinas Pariwisata mencatat tingkat hunian hotel mencapai 92 persen.',
      'Pemerintah Kota Bukittinggi mengimbau pengunjung memanfaatkan kantong parkir di luar pusat kota dan menggunakan angkutan pengumpan yang disediakan gratis.',
    ],
    category: 'pariwisata',
    tags: ['Jam Gadang', 'Festival', 'Bukittinggi'],
    daysAgo: 4,
    featured: true,
    image: {
      scene: 'city',
      alt: 'Menara jam di tengah alun-alun kota yang ramai pengunjung',
      caption: 'Pengunjung memadati pelataran Jam Gadang.',
      credit: 'Humas Pemko Bukittinggi',
    },
  },
  {
    by: 'Universitas Andalas',
    title: 'Unand Terjunkan 3.000 Mahasiswa KKN Tematik Stunting ke 150 Nagari',
    summary: 'Mahasiswa KKN mendampingi posyandu dan kader kesehatan selama 40 hari.',
    paragraphs: [
      'Universitas Andalas melepas 3.000 mahasiswa Kuliah Kerja Nyata tematik penurunan stunting ke 150 nagari di 12 kabupaten/kota. Mereka akan mendampingi posyandu, kader PKK dan puskesmas selama 40 hari.',
      'Rektor Unand berharap data pengukuran balita yang dikumpulkan mahasiswa dapat dipakai pemerintah daerah untuk menajamkan sasaran intervensi.',
    ],
    category: 'pendidikan',
    tags: ['KKN', 'Stunting', 'Unand'],
    daysAgo: 5,
  },
  {
    by: 'PT Semen Padang',
    title: 'Semen Padang Salurkan Bantuan Air Bersih ke Empat Kelurahan Terdampak Kemarau',
    summary: 'Sebanyak 400 ribu liter air bersih disalurkan dengan truk tangki selama dua pekan.',
    paragraphs: [
      'PT Semen Padang menyalurkan 400 ribu liter air bersih ke empat kelurahan di Kecamatan Lubuk Kilangan yang terdampak kemarau panjang.',
      'Penyaluran dilakukan bersama BPBD Kota Padang dengan jadwal yang diumumkan melalui pengurus RT dan RW setempat.',
    ],
    category: 'sosial',
    tags: ['CSR', 'Kemarau', 'Air Bersih'],
    daysAgo: 6,
  },
  {
    by: 'Dinas Komunikasi, Informatika',
    title: 'Diskominfotik Sumbar Luncurkan Kanal Klarifikasi Hoaks Berbasis WhatsApp',
    summary: 'Warga dapat meneruskan pesan yang meragukan dan menerima hasil penelusuran dalam satu hari kerja.',
    paragraphs: [
      'Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat meluncurkan kanal klarifikasi hoaks melalui WhatsApp. Warga cukup meneruskan pesan yang diragukan kebenarannya.',
      'Tim akan menelusuri dan membalas dengan label fakta, disinformasi atau belum terverifikasi, paling lambat satu hari kerja.',
    ],
    category: 'pemerintahan',
    tags: ['Hoaks', 'Literasi Digital'],
    daysAgo: 7,
    correction: 'Nomor kanal WhatsApp diperbaiki',
  },
  {
    by: null,
    title: 'Pemprov Sumbar Salurkan 50 Ton Bibit Padi Unggul untuk Petani Terdampak Banjir',
    summary: 'Bantuan benih disalurkan ke Pesisir Selatan, Padang Pariaman dan Agam menjelang musim tanam.',
    paragraphs: [
      'Pemerintah Provinsi Sumatera Barat menyalurkan 50 ton benih padi varietas unggul untuk petani yang sawahnya terdampak banjir di Pesisir Selatan, Padang Pariaman dan Agam.',
      'Wakil Gubernur meminta penyuluh pertanian mendampingi petani agar benih ditanam serempak sehingga serangan hama dapat ditekan.',
    ],
    category: 'pertanian',
    tags: ['Benih Padi', 'Petani', 'Pascabencana'],
    daysAgo: 8,
    image: {
      scene: 'field',
      alt: 'Hamparan sawah hijau dengan petani menanam padi',
      caption: 'Petani menanam padi di Pesisir Selatan.',
      credit: 'Dinas Tanaman Pangan Sumbar',
    },
  },
  {
    by: 'Pemerintah Kota Padang',
    title: 'Simulasi Evakuasi Tsunami Serentak Digelar di 11 Kecamatan Kota Padang',
    summary: 'Lebih dari 20 ribu warga, pelajar dan pegawai ikut simulasi menuju shelter dan titik kumpul.',
    paragraphs: [
      'BPBD Kota Padang menggelar simulasi evakuasi tsunami serentak di 11 kecamatan. Sirine peringatan dini dibunyikan pukul 10.00 WIB dan warga bergerak ke shelter serta bukit terdekat.',
      'Wali Kota mengingatkan bahwa waktu emas evakuasi di Padang hanya sekitar 20 menit, sehingga setiap keluarga perlu menyepakati jalur dan titik kumpul.',
    ],
    category: 'kebencanaan',
    tags: ['Tsunami', 'Mitigasi Bencana', 'Padang'],
    daysAgo: 9,
    image: {
      scene: 'sea',
      alt: 'Garis pantai Padang dengan papan jalur evakuasi',
      caption: 'Jalur evakuasi tsunami di pesisir Padang.',
      credit: 'Humas Pemko Padang',
    },
  },
  {
    by: 'Pemerintah Kabupaten Agam',
    title: 'Agam Targetkan Zero Kasus Rabies dengan Vaksinasi Hewan Penular',
    summary: 'Sebanyak 8.000 dosis vaksin rabies disiapkan untuk anjing dan kucing peliharaan warga.',
    paragraphs: [
      'Dinas Pertanian Kabupaten Agam menyiapkan 8.000 dosis vaksin rabies untuk hewan penular rabies. Vaksinasi dilakukan dari nagari ke nagari secara gratis.',
      'Warga diminta segera membawa korban gigitan hewan ke puskesmas terdekat untuk mendapatkan vaksin antirabies.',
    ],
    category: 'kesehatan',
    tags: ['Rabies', 'Agam'],
    daysAgo: 10,
  },
  {
    by: 'Universitas Andalas',
    title: 'Peneliti Unand Kembangkan Sensor Murah Pemantau Longsor untuk Nagari Rawan',
    summary: 'Sensor berbasis tenaga surya mengirim peringatan melalui SMS kepada perangkat nagari.',
    paragraphs: [
      'Tim peneliti Fakultas Teknik Universitas Andalas mengembangkan sensor pergerakan tanah berbiaya rendah. Alat bertenaga surya ini mengirim peringatan melalui SMS ketika pergerakan tanah melewati ambang batas.',
      'Uji coba dilakukan di dua nagari di Kabupaten Tanah Datar bekerja sama dengan BPBD setempat.',
    ],
    category: 'kebencanaan',
    tags: ['Longsor', 'Riset', 'Unand'],
    daysAgo: 12,
  },
  {
    by: null,
    title: 'Sumbar Raih Predikat Informatif dalam Keterbukaan Informasi Publik',
    summary: 'Pemerintah Provinsi Sumatera Barat mempertahankan predikat Informatif dari Komisi Informasi Pusat.',
    paragraphs: [
      'Pemerintah Provinsi Sumatera Barat kembali meraih predikat Informatif dalam penganugerahan keterbukaan informasi publik tingkat nasional.',
      'Sekretaris Daerah menyampaikan terima kasih kepada seluruh PPID pembantu di perangkat daerah yang konsisten memperbarui daftar informasi publik.',
    ],
    category: 'pemerintahan',
    tags: ['Keterbukaan Informasi', 'PPID'],
    daysAgo: 13,
    featured: true,
  },
  {
    by: 'Pemerintah Kota Bukittinggi',
    title: 'Pasar Atas Bukittinggi Terapkan Pembayaran Retribusi Nontunai',
    summary: 'Pedagang membayar retribusi harian dengan kode QR; petugas tidak lagi memungut uang tunai.',
    paragraphs: [
      'Pemerintah Kota Bukittinggi menerapkan pembayaran retribusi pasar nontunai di Pasar Atas. Pedagang cukup memindai kode QR yang tertempel di setiap kios.',
      'Langkah ini diharapkan menutup celah kebocoran pendapatan dan memudahkan pedagang mengecek riwayat pembayaran.',
    ],
    category: 'ekonomi',
    tags: ['Pasar', 'Nontunai', 'Bukittinggi'],
    daysAgo: 15,
  },
  {
    by: 'PT Semen Padang',
    title: 'Semen Padang Latih 200 Pelaku UMKM Pengemasan dan Pemasaran Daring',
    summary: 'Pelatihan mencakup desain kemasan, foto produk dan berjualan di lokapasar.',
    paragraphs: [
      'Sebanyak 200 pelaku UMKM binaan PT Semen Padang mengikuti pelatihan pengemasan dan pemasaran daring selama tiga hari di Padang.',
      'Peserta juga didampingi mengurus sertifikat halal dan nomor induk berusaha agar produk mereka dapat masuk ke jaringan ritel modern.',
    ],
    category: 'ekonomi',
    tags: ['UMKM', 'CSR'],
    daysAgo: 17,
  },
  {
    by: 'Dinas Komunikasi, Informatika',
    title: 'Seribu Nagari di Sumbar Kini Terhubung Internet Desa',
    summary: 'Program internet nagari menjangkau sekolah, kantor wali nagari dan puskesmas pembantu.',
    paragraphs: [
      'Program internet nagari yang dijalankan bersama operator telekomunikasi kini menjangkau 1.000 nagari di Sumatera Barat.',
      'Akses internet dimanfaatkan untuk layanan administrasi kependudukan, pembelajaran daring dan pemasaran hasil pertanian.',
    ],
    category: 'pembangunan',
    tags: ['Internet Nagari', 'Transformasi Digital'],
    daysAgo: 19,
  },
  {
    by: 'Pemerintah Kabupaten Agam',
    title: 'Danau Maninjau Bersih: 2.000 Keramba Jaring Apung Ditata Ulang',
    summary: 'Penataan keramba bertujuan menekan pencemaran dan kematian massal ikan di Danau Maninjau.',
    paragraphs: [
      'Pemerintah Kabupaten Agam bersama pemerintah provinsi menata ulang 2.000 keramba jaring apung di Danau Maninjau sesuai daya tampung danau.',
      'Pembudi daya yang terdampak ditawari pelatihan usaha alternatif, termasuk wisata danau dan pengolahan ikan.',
    ],
    category: 'lingkungan',
    tags: ['Danau Maninjau', 'Lingkungan', 'Agam'],
    daysAgo: 21,
    image: {
      scene: 'sea',
      alt: 'Permukaan danau luas dikelilingi perbukitan',
      caption: 'Danau Maninjau dilihat dari Kelok 44.',
      credit: 'Humas Pemkab Agam',
    },
  },
  {
    by: null,
    title: 'Pemprov Sumbar Buka Pendaftaran Beasiswa Pendidikan Anak Nagari',
    summary: 'Beasiswa untuk 1.500 mahasiswa dari keluarga kurang mampu, pendaftaran dibuka hingga akhir bulan.',
    paragraphs: [
      'Pemerintah Provinsi Sumatera Barat membuka pendaftaran Beasiswa Pendidikan Anak Nagari untuk 1.500 mahasiswa dari keluarga kurang mampu.',
      'Pendaftaran dilakukan secara daring dan tidak dipungut biaya. Masyarakat diminta waspada terhadap pihak yang menjanjikan kelulusan dengan imbalan.',
    ],
    category: 'pendidikan',
    tags: ['Beasiswa', 'Pendidikan'],
    daysAgo: 23,
  },
  {
    by: 'Pemerintah Kota Padang',
    title: 'Pantai Padang Ditata, Pedagang Kuliner Pindah ke Los Baru',
    summary: 'Penataan kawasan pantai menyediakan 180 los kuliner dengan fasilitas air bersih dan toilet.',
    paragraphs: [
      'Pemerintah Kota Padang memindahkan pedagang kuliner di Pantai Padang ke 180 los baru yang dilengkapi air bersih, penerangan dan toilet umum.',
      'Penataan ini bagian dari upaya menjadikan Pantai Padang ruang publik yang nyaman bagi warga dan wisatawan.',
    ],
    category: 'pariwisata',
    tags: ['Pantai Padang', 'Penataan Kota'],
    daysAgo: 26,
  },
  {
    by: 'Universitas Andalas',
    title: 'Unand Buka Layanan Konsultasi Hukum Gratis bagi Warga Kurang Mampu',
    summary: 'Lembaga bantuan hukum kampus melayani konsultasi setiap Selasa dan Kamis.',
    paragraphs: [
      'Fakultas Hukum Universitas Andalas membuka layanan konsultasi hukum gratis bagi warga kurang mampu. Layanan tersedia setiap Selasa dan Kamis di kampus Limau Manis.',
      'Perkara yang paling banyak dikonsultasikan antara lain sengketa tanah ulayat, perceraian dan ketenagakerjaan.',
    ],
    category: 'sosial',
    tags: ['Bantuan Hukum', 'Unand'],
    daysAgo: 29,
  },
  {
    by: 'Pemerintah Kota Bukittinggi',
    title: 'Bukittinggi Gelar Pemeriksaan Kesehatan Gratis bagi Lansia',
    summary: 'Pemeriksaan gula darah, tekanan darah dan mata dilakukan di 24 kelurahan.',
    paragraphs: [
      'Dinas Kesehatan Kota Bukittinggi menggelar pemeriksaan kesehatan gratis bagi warga lanjut usia di 24 kelurahan.',
      'Lansia yang membutuhkan kacamata akan mendapatkannya tanpa biaya melalui kerja sama dengan organisasi profesi.',
    ],
    category: 'kesehatan',
    tags: ['Lansia', 'Kesehatan', 'Bukittinggi'],
    daysAgo: 32,
  },
  {
    by: null,
    title: 'Jalan Provinsi Ruas Padang–Solok Rampung Diperlebar',
    summary: 'Pelebaran ruas Sitinjau Lauik mengurangi kemacetan dan risiko kecelakaan truk.',
    paragraphs: [
      'Pekerjaan pelebaran jalan provinsi pada ruas Padang–Solok di kawasan Sitinjau Lauik rampung. Lebar jalan kini tujuh meter dengan bahu jalan di kedua sisi.',
      'Dinas Bina Marga mengingatkan pengemudi truk untuk memeriksa rem sebelum menuruni tanjakan panjang.',
    ],
    category: 'pembangunan',
    tags: ['Jalan Provinsi', 'Sitinjau Lauik'],
    daysAgo: 35,
    image: {
      scene: 'hills',
      alt: 'Jalan berkelok menuruni perbukitan',
      caption: 'Ruas jalan Sitinjau Lauik setelah dilebarkan.',
      credit: 'Dinas Bina Marga Sumbar',
    },
  },
  {
    by: 'Dinas Komunikasi, Informatika',
    title: 'Data Statistik Sektoral Sumbar Kini Dapat Diunduh Terbuka',
    summary: 'Portal satu data memuat 1.200 set data dari perangkat daerah.',
    paragraphs: [
      'Portal Satu Data Sumatera Barat kini memuat 1.200 set data sektoral yang dapat diunduh bebas dalam format terbuka.',
      'Perangkat daerah diminta memperbarui data paling lambat setiap triwulan.',
    ],
    category: 'pemerintahan',
    tags: ['Satu Data', 'Statistik'],
    daysAgo: 38,
  },
  {
    by: 'PT Semen Padang',
    title: 'Semen Padang Tanam 10 Ribu Pohon di Lahan Bekas Tambang',
    summary: 'Reklamasi lahan bekas tambang melibatkan pelajar dan kelompok tani hutan.',
    paragraphs: [
      'PT Semen Padang menanam 10 ribu bibit pohon di lahan bekas tambang sebagai bagian dari program reklamasi.',
      'Kelompok tani hutan setempat dilibatkan merawat tanaman dan memanfaatkan hasil hutan bukan kayu.',
    ],
    category: 'lingkungan',
    tags: ['Reklamasi', 'Penanaman Pohon'],
    daysAgo: 41,
  },
  {
    by: 'Pemerintah Kabupaten Agam',
    title: 'Pendaftaran Bantuan Rumah Layak Huni Agam Dibuka',
    summary: 'Sebanyak 300 rumah tidak layak huni akan diperbaiki tahun ini.',
    paragraphs: [
      'Pemerintah Kabupaten Agam membuka pendaftaran bantuan perbaikan rumah tidak layak huni untuk 300 rumah.',
      'Calon penerima diverifikasi oleh wali nagari dan dinas sosial sebelum ditetapkan dengan surat keputusan bupati.',
    ],
    category: 'sosial',
    tags: ['Rumah Layak Huni', 'Agam'],
    daysAgo: 44,
  },
  {
    by: 'Pemerintah Kota Padang',
    title: 'Padang Raih Penghargaan Kota Layak Anak Kategori Nindya',
    summary: 'Penghargaan diberikan atas pemenuhan hak anak di bidang pendidikan, kesehatan dan perlindungan.',
    paragraphs: [
      'Kota Padang meraih penghargaan Kota Layak Anak kategori Nindya dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak.',
      'Wali Kota berterima kasih kepada forum anak, sekolah dan puskesmas yang berperan dalam pemenuhan hak anak.',
    ],
    category: 'sosial',
    tags: ['Kota Layak Anak', 'Padang'],
    daysAgo: 47,
  },
  {
    by: null,
    title: 'Sumbar Siapkan 12 Destinasi Unggulan Sambut Tahun Kunjungan Wisata',
    summary: 'Mandeh, Harau, Maninjau dan Mentawai masuk daftar destinasi yang dibenahi.',
    paragraphs: [
      'Pemerintah Provinsi Sumatera Barat menyiapkan 12 destinasi unggulan, di antaranya Kawasan Mandeh, Lembah Harau, Danau Maninjau dan Kepulauan Mentawai.',
      'Pembenahan meliputi akses jalan, toilet umum, papan informasi dwibahasa dan pelatihan pemandu wisata.',
    ],
    category: 'pariwisata',
    tags: ['Pariwisata', 'Mandeh', 'Harau'],
    daysAgo: 50,
    image: {
      scene: 'sea',
      alt: 'Teluk dengan pulau-pulau kecil dan air laut biru',
      caption: 'Kawasan Mandeh, Pesisir Selatan.',
      credit: 'Dinas Pariwisata Sumbar',
    },
  },
  {
    by: 'Universitas Andalas',
    title: 'Unand Gelar Wisuda Ke-180, 2.100 Lulusan Dilepas',
    summary: 'Lulusan terbaik berasal dari Fakultas Farmasi dengan IPK 3,98.',
    paragraphs: [
      'Universitas Andalas mewisuda 2.100 lulusan program diploma, sarjana, magister dan doktor pada wisuda ke-180.',
      'Rektor berpesan agar lulusan berani menciptakan lapangan kerja di kampung halaman.',
    ],
    category: 'pendidikan',
    tags: ['Wisuda', 'Unand'],
    daysAgo: 54,
  },
  {
    by: 'Pemerintah Kota Bukittinggi',
    title: 'Pemko Bukittinggi Imbau Warga Waspadai Demam Berdarah di Musim Hujan',
    summary: 'Gerakan satu rumah satu jumantik digalakkan di seluruh kelurahan.',
    paragraphs: [
      'Dinas Kesehatan Kota Bukittinggi mencatat kenaikan kasus demam berdarah seiring musim hujan.',
      'Warga diminta menguras, menutup dan mendaur ulang barang bekas, serta memeriksa jentik setiap pekan.',
    ],
    category: 'kesehatan',
    tags: ['DBD', 'Bukittinggi'],
    daysAgo: 58,
  },
  {
    by: null,
    title: 'Pengumuman Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Pemprov Sumbar',
    summary: 'Seleksi terbuka untuk lima jabatan kepala dinas; pendaftaran melalui laman resmi BKD.',
    paragraphs: [
      'Panitia seleksi mengumumkan seleksi terbuka untuk lima jabatan pimpinan tinggi pratama di lingkungan Pemerintah Provinsi Sumatera Barat.',
      'Seluruh tahapan seleksi tidak dipungut biaya. Informasi resmi hanya melalui laman BKD Provinsi Sumatera Barat.',
    ],
    category: 'pengumuman',
    tags: ['Seleksi Terbuka', 'ASN'],
    daysAgo: 60,
  },
  // Not public (yet): the workflow's other states.
  {
    by: null,
    title: 'Gubernur Akan Resmikan Terminal Tipe A Anak Air',
    summary: 'Peresmian terminal dijadwalkan bersama Menteri Perhubungan; rilis ini diembargo hingga acara dimulai.',
    paragraphs: [
      'Gubernur Sumatera Barat bersama Menteri Perhubungan meresmikan Terminal Tipe A Anak Air di Kota Padang.',
      'Terminal ini melayani bus antarkota antarprovinsi dan terhubung dengan angkutan pengumpan menuju pusat kota.',
    ],
    category: 'pembangunan',
    tags: ['Terminal', 'Transportasi'],
    daysAgo: -3,
    status: 'scheduled',
  },
  {
    by: 'Pemerintah Kabupaten Agam',
    title: 'Hasil Panen Jagung Agam Naik Dua Kali Lipat',
    summary: 'Klaim kenaikan produksi jagung.',
    paragraphs: ['Produksi jagung di Agam naik dua kali lipat dibanding tahun lalu.'],
    category: 'pertanian',
    tags: ['Jagung', 'Agam'],
    daysAgo: 0,
    status: 'rejected',
    reviewComment: 'Sebutkan sumber data (BPS atau Dinas Pertanian) dan angka produksinya, lalu tambahkan kutipan narasumber.',
  },
  {
    by: 'Pemerintah Kota Padang',
    title: 'Padang Siapkan Posko Mudik di Lima Titik Masuk Kota',
    summary: 'Posko kesehatan dan informasi lalu lintas disiagakan selama arus mudik.',
    paragraphs: [
      'Pemerintah Kota Padang menyiapkan posko mudik di lima titik masuk kota, lengkap dengan tenaga kesehatan dan petugas lalu lintas.',
    ],
    category: 'pemerintahan',
    tags: ['Mudik', 'Padang'],
    daysAgo: 0,
    status: 'submitted',
  },
  {
    by: 'Universitas Andalas',
    title: 'Unand Terima Hibah Laboratorium Riset Pangan',
    summary: 'Laboratorium akan meneliti pengolahan rendang dan produk pangan lokal.',
    paragraphs: ['Universitas Andalas menerima hibah peralatan laboratorium riset pangan untuk penelitian pengolahan produk lokal.'],
    category: 'pendidikan',
    tags: ['Riset', 'Pangan'],
    daysAgo: 0,
    status: 'approved',
  },
  {
    by: 'Pemerintah Kabupaten Agam',
    title: 'Draf: Agenda Festival Budaya Nagari',
    summary: '',
    paragraphs: ['Rincian acara menyusul.'],
    category: 'pariwisata',
    tags: [],
    daysAgo: 0,
    status: 'draft',
  },
  {
    by: 'PT Semen Padang',
    title: 'Draf: Laporan Keberlanjutan Semester I',
    summary: 'Ringkasan kinerja lingkungan dan sosial.',
    paragraphs: ['Draf untuk ditinjau tim komunikasi korporat.'],
    category: 'lingkungan',
    tags: ['Keberlanjutan'],
    daysAgo: 0,
    status: 'draft',
  },
  {
    by: null,
    title: 'Draf: Persiapan Hari Jadi Provinsi Sumatera Barat',
    summary: '',
    paragraphs: ['Susunan acara dan undangan sedang disiapkan.'],
    category: 'pemerintahan',
    tags: ['Hari Jadi Sumbar'],
    daysAgo: 0,
    status: 'draft',
  },
  {
    by: 'Dinas Komunikasi, Informatika',
    title: 'Gangguan Layanan Portal Satu Data Akibat Pemeliharaan',
    summary: 'Rilis ini ditarik karena jadwal pemeliharaan diundur.',
    paragraphs: ['Portal Satu Data tidak dapat diakses sementara karena pemeliharaan server.'],
    category: 'pengumuman',
    tags: ['Satu Data'],
    daysAgo: 14,
    status: 'unpublished',
  },
];

const palettes: Record<Scene, [string, string, string]> = {
  hills: ['#9fd3f5', '#2e7d32', '#1b5e20'],
  sea: ['#b3e5fc', '#0277bd', '#01579b'],
  city: ['#ffe0b2', '#8d6e63', '#4e342e'],
  field: ['#e1f5fe', '#7cb342', '#33691e'],
  hall: ['#f5f5f5', '#b71c1c', '#5d4037'],
};

/** A simple landscape-like picture drawn from SVG by sharp (no photo is needed for the demo). */
async function demoPicture(scene: Scene, seed: number): Promise<Buffer> {
  const [sky, mid, low] = palettes[scene];
  const w = 960;
  const h = 600;
  const ridge = Array.from({ length: 10 }, (_, i) => `${(i * w) / 9},${350 + Math.round(Math.sin(i * 1.7 + seed) * 80)}`).join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
  <rect width="${w}" height="${h}" fill="url(#s)"/>
  <circle cx="${200 + (seed % 5) * 160}" cy="150" r="60" fill="#ffd54f"/>
  <polygon points="0,${h} ${ridge} ${w},${h}" fill="${mid}"/>
  <rect y="${h - 170}" width="${w}" height="170" fill="${low}"/>
  ${scene === 'city' || scene === 'hall' ? `<rect x="${w / 2 - 50}" y="200" width="100" height="${h - 380}" fill="${low}"/><circle cx="${w / 2}" cy="250" r="35" fill="#fff"/>` : ''}
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * Demo releases: about three dozen from the bureau, regencies/cities, a university, a BUMN and a provincial agency,
 * mostly published over the last two months (some with photos, one corrected), one scheduled a few days ahead
 * (its embargo job queued), one sent back with a comment, one waiting for approval, one approved, drafts and one
 * taken down. Editors: the bureau's demo account and one officer per institution. Runs once (skips if present).
 */
export async function seedDemoReleases(db: Db): Promise<{ inserted: number }> {
  const [existing] = await db
    .select({ id: releases.id })
    .from(releases)
    .where(like(releases.slug, 'gubernur-sumbar-buka-rapat-koordinasi%'))
    .limit(1);
  if (existing) return { inserted: 0 };
  const insts = await db.select({ id: institutions.id, name: institutions.name, category: institutions.category }).from(institutions);
  const bureau = insts.find((i) => i.category === 'bureau');
  if (!bureau) return { inserted: 0 };
  const institutionOf = (prefix: string | null) => (prefix ? insts.find((i) => i.name.startsWith(prefix)) : bureau);
  // Pictures are drawn and resized before the transaction (CPU work, no lock held).
  // One picture per scene (several releases share a scene's picture, each with its own stored files).
  const byScene = new Map<Scene, Awaited<ReturnType<typeof processReleaseImage>>>();
  for (const [i, s] of seeds.entries()) {
    if (s.image && !byScene.has(s.image.scene)) byScene.set(s.image.scene, await processReleaseImage(await demoPicture(s.image.scene, i)));
  }
  return db.transaction(async (tx) => {
    const ctx = { db: tx as unknown as Db } as Ctx;
    const accounts = new Map<string | null, { writer: string; editor: string }>();
    const names = new Map<string, string>();
    for (const p of people) {
      const inst = p.institution ? insts.find((i) => i.name.startsWith(p.institution!)) : undefined;
      if (p.institution && !inst) continue;
      let [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, p.email));
      if (!u) {
        [u] = await tx
          .insert(users)
          .values({ email: p.email, name: p.name, role: p.role ?? 'member', institutionId: inst?.id ?? null })
          .returning({ id: users.id });
      }
      names.set(u!.id, p.name);
      if (p.editor) await tx.insert(releaseEditors).values({ userId: u!.id }).onConflictDoNothing();
      const key = inst?.id ?? bureau.id;
      const entry = accounts.get(key) ?? { writer: u!.id, editor: u!.id };
      if (p.editor) entry.editor = u!.id;
      else entry.writer = u!.id;
      accounts.set(key, entry);
    }
    const now = Date.now();
    let inserted = 0;
    for (const [i, s] of seeds.entries()) {
      const inst = institutionOf(s.by);
      if (!inst) continue;
      const who = accounts.get(inst.id) ?? accounts.get(bureau.id)!;
      const status = s.status ?? 'published';
      const at = new Date(now - s.daysAgo * 86_400_000 - (i % 7) * 3_600_000);
      const wasPublic = status === 'published' || status === 'scheduled' || status === 'unpublished';
      const body = sanitizeRichText(s.paragraphs.map((p) => `<p>${p}</p>`).join(''), { imagePathPrefix: mediaPrefix });
      const [row] = await tx
        .insert(releases)
        .values({
          institutionId: inst.id,
          authorId: who.writer,
          status,
          title: s.title,
          summary: s.summary,
          body,
          bodyText: richTextToPlain(body),
          category: s.category,
          tags: s.tags,
          tagSlugs: s.tags.map((t) => slugify(t, 60)),
          releaseNumber: s.releaseNumber ?? null,
          contact: {
            name: (names.get(who.writer) ?? 'Humas').replace(' (fiktif)', ''),
            position: 'Pranata Humas',
            phone: '0751-31401',
            email: null,
          },
          slug: slugify(s.title),
          featured: !!s.featured,
          publishAt: wasPublic ? at : null,
          firstPublishedAt: wasPublic ? at : null,
          unpublishedAt: status === 'unpublished' ? new Date(now - 2 * 86_400_000) : null,
          submittedAt: status === 'draft' ? null : new Date(at.getTime() - 3_600_000),
          reviewedBy: ['draft', 'submitted'].includes(status) ? null : who.editor,
          reviewedAt: ['draft', 'submitted'].includes(status) ? null : new Date(at.getTime() - 1_800_000),
          reviewComment: s.reviewComment ?? null,
          correctedAt: s.correction ? new Date(at.getTime() + 5 * 3_600_000) : null,
          correctionNote: s.correction ?? null,
          createdAt: new Date(at.getTime() - 86_400_000),
          updatedAt: s.correction ? new Date(at.getTime() + 5 * 3_600_000) : at,
        })
        .returning();
      inserted += 1;
      if (wasPublic) {
        await tx
          .insert(releaseRevisions)
          .values({ releaseId: row!.id, revision: 1, title: s.title, summary: s.summary, body, editorId: who.editor, createdAt: at });
        if (s.correction) {
          await tx.insert(releaseRevisions).values({
            releaseId: row!.id,
            revision: 2,
            title: s.title,
            summary: s.summary,
            body,
            significant: true,
            note: s.correction,
            editorId: who.editor,
            createdAt: new Date(at.getTime() + 5 * 3_600_000),
          });
        }
      }
      const picture = s.image ? byScene.get(s.image.scene) : undefined;
      if (picture && s.image) {
        const base = `gambar-${row!.slug.slice(0, 40)}`;
        const fileId = await storeReleaseFile(ctx, row!.id, {
          name: `${base}.jpg`,
          mime: picture.original.mime,
          content: picture.original.content,
        });
        const variants: ImageVariant[] = [];
        for (const v of picture.variants) {
          variants.push({
            width: v.width,
            height: v.height,
            mime: v.mime,
            fileId: await storeReleaseFile(ctx, row!.id, { name: variantName(base, v), mime: v.mime, content: v.content }),
          });
        }
        await tx.insert(releaseImages).values({
          releaseId: row!.id,
          position: 0,
          alt: s.image.alt,
          caption: s.image.caption,
          credit: s.image.credit,
          width: picture.original.width,
          height: picture.original.height,
          mime: picture.original.mime,
          fileId,
          variants,
        });
      }
      if (status === 'scheduled') {
        await enqueue(
          ctx,
          releasePublishQueue,
          { releaseId: row!.id, publishAt: at.toISOString() },
          { startAfter: at, singletonKey: `${row!.id}:${at.toISOString()}` },
        );
      }
    }
    return { inserted };
  });
}
