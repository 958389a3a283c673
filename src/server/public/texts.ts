import { categoryLabels, type InstitutionCategory } from '../../shared/categories';

export const publicLangs = ['id', 'en'] as const;
export type PublicLang = (typeof publicLangs)[number];

export const forumNameId = 'Forum Koordinasi Kehumasan Provinsi Sumatera Barat';
export const organiser = 'Biro Humas Setda Provinsi Sumatera Barat';

/** Text of the public pages; Indonesian first, English for visitors who ask with ?lang=en. */
export const texts = {
  id: {
    forumName: forumNameId,
    description:
      'Wadah koordinasi unit kehumasan instansi pemerintah, BUMN, BUMD dan perguruan tinggi di Sumatera Barat, diselenggarakan oleh Biro Humas Sekretariat Daerah Provinsi Sumatera Barat.',
    skip: 'Langsung ke isi',
    navLabel: 'Navigasi utama',
    navMembers: 'Anggota',
    navReleases: 'Rilis',
    searchLabel: 'Cari rilis',
    searchButton: 'Cari',
    otherLang: { label: 'English', href: '/?lang=en', lang: 'en' },
    login: 'Masuk',
    purposesTitle: 'Tiga tujuan forum',
    purposes: [
      {
        title: 'Wadah koordinasi',
        text: 'Tempat unit kehumasan bertemu, berbagi informasi dan mencari solusi atas kendala dan tantangan dalam tugas kehumasan sehari-hari.',
      },
      {
        title: 'Media penyebarluasan informasi',
        text: 'Menyebarluaskan informasi tentang kebijakan dan program pemerintah kepada masyarakat.',
      },
      {
        title: 'Koordinasi dan kerja sama',
        text: 'Mempererat kerja sama antarhumas instansi vertikal, pemerintah kabupaten/kota, lembaga pemerintah non kementerian, perguruan tinggi, BUMN dan BUMD.',
      },
    ],
    membersTitle: 'Lembaga anggota',
    membersSummary: (count: number, groups: number) => `${count} lembaga anggota aktif dalam ${groups} kategori.`,
    noMembers: 'Belum ada lembaga anggota yang terdaftar.',
    count: (n: number) => `${n} lembaga`,
    websiteOf: (name: string) => `Situs web ${name}`,
    phoneOf: (name: string) => `Telepon ${name}`,
    whatsappOf: (name: string) => `WhatsApp ${name}`,
    otherCategory: 'Lainnya',
    footerOrganiser: `Diselenggarakan oleh ${organiser}.`,
  },
  en: {
    forumName: 'West Sumatra Province Public Relations Coordination Forum',
    description:
      'The coordination forum of the public relations units of government bodies, state- and region-owned enterprises and universities in West Sumatra, run by the PR bureau of the West Sumatra provincial secretariat.',
    skip: 'Skip to content',
    navLabel: 'Main navigation',
    navMembers: 'Members',
    navReleases: 'Releases',
    searchLabel: 'Search releases',
    searchButton: 'Search',
    otherLang: { label: 'Bahasa Indonesia', href: '/', lang: 'id' },
    login: 'Log in',
    purposesTitle: 'The forum’s three purposes',
    purposes: [
      {
        title: 'A forum for coordination',
        text: 'Where PR units meet, share information and look for solutions to the obstacles and challenges of their daily PR work.',
      },
      {
        title: 'A channel for public information',
        text: 'Spreading information on government policies and programmes to the public.',
      },
      {
        title: 'Coordination and cooperation',
        text: 'Closer cooperation between the PR units of vertical agencies, regency and city governments, non-departmental government bodies, universities, BUMN and BUMD.',
      },
    ],
    membersTitle: 'Member institutions',
    membersSummary: (count: number, groups: number) =>
      `${count} active member ${count === 1 ? 'institution' : 'institutions'} in ${groups} ${groups === 1 ? 'category' : 'categories'}.`,
    noMembers: 'No member institutions have been registered yet.',
    count: (n: number) => `${n} ${n === 1 ? 'institution' : 'institutions'}`,
    websiteOf: (name: string) => `Website of ${name}`,
    phoneOf: (name: string) => `Phone of ${name}`,
    whatsappOf: (name: string) => `WhatsApp of ${name}`,
    otherCategory: 'Other',
    footerOrganiser: `Run by ${organiser}.`,
  },
} satisfies Record<PublicLang, unknown>;

export type PublicTexts = (typeof texts)['id'];

export function categoryLabel(category: InstitutionCategory | 'other', lang: PublicLang): string {
  return category === 'other' ? texts[lang].otherCategory : categoryLabels[category][lang];
}
