import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  agendaSessions,
  forumCategories,
  forumFollows,
  forumReplies,
  forumTopicAgenda,
  forumTopics,
  forumVotes,
  institutions,
  meetings,
  users,
} from '../db/schema/index';
import { richTextToPlain, sanitizeRichText } from '../core/richText';

/** The demo meeting (seed/demoMeeting.ts) whose agenda the most voted demo topic went to. */
const demoMeetingTitle = 'Rapat Koordinasi Kehumasan Provinsi Sumatera Barat';

/** Fictional forum members (accounts without a password: they cannot log in) from several institutions. */
const people = [
  { email: 'rina.humas@agam.demo.simpul.local', name: 'Rina Marlina (fiktif)', institution: 'Kabupaten Agam' },
  { email: 'fajar.humas@padang.demo.simpul.local', name: 'Fajar Saputra (fiktif)', institution: 'Kota Padang' },
  { email: 'dewi.humas@bukittinggi.demo.simpul.local', name: 'Dewi Anggraini (fiktif)', institution: 'Kota Bukittinggi' },
  { email: 'hendra.humas@pesisirselatan.demo.simpul.local', name: 'Hendra Gunawan (fiktif)', institution: 'Pesisir Selatan' },
  { email: 'nurul.humas@unand.demo.simpul.local', name: 'Nurul Hidayah (fiktif)', institution: 'Universitas Andalas' },
  { email: 'irwan.humas@semenpadang.demo.simpul.local', name: 'Irwan Chaniago (fiktif)', institution: 'Semen Padang' },
  { email: 'yeni.humas@diskominfo.demo.simpul.local', name: 'Yeni Rahmadani (fiktif)', institution: 'Dinas Komunikasi, Informatika' },
  { email: 'biro.humas@demo.simpul.local', name: 'Biro Humas Provinsi (fiktif)', institution: null, role: 'committee' as const },
];

type Seed = {
  category: string;
  type: 'problem' | 'information';
  title: string;
  body: string;
  daysAgo: number;
  replies: string[];
  solved?: number;
  votes?: number;
  closed?: boolean;
  locked?: boolean;
};

/** Topics in every category: problems and information, with replies from several institutions. */
const topics: Seed[] = [
  {
    category: 'Hubungan media',
    type: 'problem',
    title: 'Wartawan meminta data anggaran yang belum final',
    body: '<p>Seorang wartawan media daring meminta rincian anggaran kegiatan yang <strong>belum disahkan</strong>. Bagaimana menjawabnya tanpa terkesan menutupi informasi?</p>',
    daysAgo: 40,
    replies: [
      '<p>Kami biasanya menjelaskan bahwa data masih dalam pembahasan, lalu memberi jadwal kapan data final dapat diakses melalui PPID.</p>',
      '<p>Setuju. Sertakan juga kontak PPID dan janjikan pemberitahuan saat dokumen sudah sah.</p>',
      '<p>Tambahan: buat catatan tertulis jawaban Anda, supaya konsisten bila media lain bertanya.</p>',
    ],
    solved: 0,
    votes: 5,
  },
  {
    category: 'Hubungan media',
    type: 'information',
    title: 'Daftar kontak redaksi media lokal Sumatera Barat 2019',
    body: '<p>Kami merangkum kontak redaksi media cetak, radio dan daring di Sumatera Barat. Silakan tambahkan bila ada yang kurang.</p><ul><li>Media cetak: 12 redaksi</li><li>Radio: 9 stasiun</li><li>Daring: 21 portal</li></ul>',
    daysAgo: 25,
    replies: ['<p>Terima kasih, sangat membantu. Radio komunitas di Pasaman belum ada di daftar.</p>'],
    votes: 3,
  },
  {
    category: 'Komunikasi krisis',
    type: 'problem',
    title: 'Menyusun holding statement saat banjir bandang',
    body: '<p>Saat banjir bandang minggu lalu, informasi dari lapangan simpang siur. Apa isi minimal <em>holding statement</em> dalam satu jam pertama?</p>',
    daysAgo: 18,
    replies: [
      '<p>Minimal: apa yang terjadi, apa yang sedang dilakukan pemerintah, kapan pembaruan berikutnya, dan kanal resmi informasi.</p>',
      '<p>Kami memakai templat tiga paragraf yang disetujui pimpinan sebelumnya, jadi tinggal mengisi fakta.</p>',
      '<p>Jangan lupa koordinasi dengan BPBD supaya angka korban yang diumumkan sama.</p>',
      '<p>Bisa dibagikan templatnya? Kami belum punya.</p>',
    ],
    solved: 0,
    votes: 9,
  },
  {
    category: 'Komunikasi krisis',
    type: 'problem',
    title: 'Juru bicara tunggal saat kejadian luar biasa',
    body: '<p>Bagaimana menetapkan juru bicara tunggal ketika beberapa OPD ingin memberi keterangan sendiri-sendiri?</p>',
    daysAgo: 12,
    replies: ['<p>Di tempat kami ditetapkan dengan keputusan kepala daerah, sehingga OPD lain merujuk ke juru bicara.</p>'],
    votes: 6,
  },
  {
    category: 'Hoaks dan disinformasi',
    type: 'problem',
    title: 'Klarifikasi hoaks pemadaman listrik bergilir',
    body: '<p>Beredar pesan berantai tentang pemadaman listrik bergilir seminggu penuh. Bagaimana alur klarifikasi yang cepat bersama PLN?</p>',
    daysAgo: 9,
    replies: [
      '<p>Kami punya grup koordinasi dengan humas PLN; klarifikasi keluar dalam dua jam dengan infografis bersama.</p>',
      '<p>Gunakan label <strong>HOAKS</strong> yang seragam dan tautkan ke sumber resmi.</p>',
    ],
    solved: 0,
    votes: 7,
  },
  {
    category: 'Hoaks dan disinformasi',
    type: 'information',
    title: 'Pedoman label hoaks, disinformasi dan misinformasi',
    body: '<p>Berikut pedoman singkat pemakaian label pada unggahan klarifikasi, disarikan dari bahan Kominfo.</p>',
    daysAgo: 30,
    replies: ['<p>Apakah pedoman ini juga berlaku untuk akun media sosial pribadi pejabat?</p>'],
    closed: true,
  },
  {
    category: 'Media sosial',
    type: 'problem',
    title: 'Komentar kasar di akun Instagram resmi',
    body: '<p>Akun Instagram resmi kami sering menerima komentar kasar. Apakah boleh disembunyikan, atau harus dibiarkan demi keterbukaan?</p>',
    daysAgo: 14,
    replies: [
      '<p>Kami punya pedoman moderasi tertulis: komentar SARA dan ujaran kebencian disembunyikan, kritik dibiarkan dan dijawab.</p>',
      '<p>Umumkan pedomannya di profil supaya warga tahu aturannya.</p>',
    ],
    votes: 4,
  },
  {
    category: 'Media sosial',
    type: 'problem',
    title: 'Mengukur kinerja konten media sosial pemerintah daerah',
    body: '<p>Indikator apa yang dipakai untuk melaporkan kinerja media sosial kepada pimpinan selain jumlah pengikut?</p>',
    daysAgo: 11,
    replies: [],
    votes: 2,
  },
  {
    category: 'Layanan informasi publik / PPID',
    type: 'problem',
    title: 'Permohonan informasi yang berulang dari pemohon yang sama',
    body: '<p>Satu pemohon mengajukan permohonan yang sama setiap minggu. Bagaimana menanganinya sesuai UU KIP?</p>',
    daysAgo: 20,
    replies: [
      '<p>Bila informasinya sudah diberikan, jawab dengan merujuk jawaban sebelumnya dan nomor registrasinya.</p>',
      '<p>Catat di register permohonan supaya terlihat polanya bila sampai ke Komisi Informasi.</p>',
    ],
    solved: 0,
  },
  {
    category: 'Layanan informasi publik / PPID',
    type: 'information',
    title: 'Jadwal uji publik daftar informasi yang dikecualikan',
    body: '<p>Uji publik DIK tingkat provinsi dijadwalkan bulan depan. Mohon PPID pembantu menyiapkan usulan.</p>',
    daysAgo: 6,
    replies: ['<p>Apakah formatnya sama dengan tahun lalu?</p>', '<p>Sama, hanya ada kolom tambahan untuk dasar hukum.</p>'],
  },
  {
    category: 'Protokol dan acara',
    type: 'problem',
    title: 'Urutan sambutan bila gubernur dan menteri hadir bersamaan',
    body: '<p>Dalam acara bersama kementerian, bagaimana urutan sambutan bila gubernur dan menteri hadir?</p>',
    daysAgo: 16,
    replies: ['<p>Tuan rumah memberi sambutan lebih dahulu, pejabat tertinggi terakhir sebelum acara inti.</p>'],
    solved: 0,
    votes: 3,
  },
  {
    category: 'Protokol dan acara',
    type: 'problem',
    title: 'Penempatan bendera pada meja rapat koordinasi',
    body: '<p>Ada perbedaan pendapat soal letak bendera merah putih dan panji daerah di meja pimpinan. Adakah rujukannya?</p>',
    daysAgo: 10,
    replies: [],
  },
  {
    category: 'Kompetensi pranata humas',
    type: 'problem',
    title: 'Angka kredit pranata humas untuk liputan kegiatan',
    body: '<p>Bagaimana menghitung angka kredit pranata humas untuk liputan kegiatan di luar jam kerja?</p>',
    daysAgo: 22,
    replies: [
      '<p>Sesuai petunjuk teknis, liputan dihitung per kegiatan dengan bukti surat tugas dan hasil liputan.</p>',
      '<p>Simpan juga tautan unggahan sebagai bukti fisik.</p>',
    ],
    solved: 0,
    votes: 8,
  },
  {
    category: 'Kompetensi pranata humas',
    type: 'information',
    title: 'Pelatihan penulisan siaran pers bulan depan',
    body: '<p>Biro Humas mengadakan pelatihan penulisan siaran pers untuk pranata humas kabupaten dan kota. Kuota dua orang per instansi.</p>',
    daysAgo: 3,
    replies: ['<p>Kami daftarkan dua orang. Apakah ada biaya?</p>', '<p>Tidak ada biaya, konsumsi disediakan panitia.</p>'],
    votes: 1,
  },
  {
    category: 'Lainnya',
    type: 'problem',
    title: 'Pengadaan kamera dan drone untuk tim humas',
    body: '<p>Spesifikasi minimal kamera dan drone apa yang layak diusulkan dalam anggaran tahun depan?</p>',
    daysAgo: 35,
    replies: [],
    votes: 4,
  },
  {
    category: 'Lainnya',
    type: 'information',
    title: 'Berbagi templat laporan bulanan kehumasan',
    body: '<p>Kami berbagi templat laporan bulanan kehumasan yang kami pakai sejak tahun lalu.</p>',
    daysAgo: 8,
    replies: ['<p>Terima kasih, kami pakai untuk laporan bulan ini.</p>'],
    locked: true,
  },
];

/**
 * A lively demo forum: topics in every category, replies from several institutions, some solved, some voted, one
 * closed, one locked, and the most voted problem on the demo meeting's agenda. Idempotent: left alone when the
 * forum already has topics.
 */
export async function seedDemoForum(db: Db): Promise<{ created: boolean }> {
  const [any] = await db.select({ id: forumTopics.id }).from(forumTopics).limit(1);
  if (any) return { created: false };
  const [meeting] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, demoMeetingTitle)).limit(1);
  const meetingId = meeting?.id;
  return db.transaction(async (tx) => {
    const insts = await tx.select({ id: institutions.id, name: institutions.name }).from(institutions);
    const authorIds: { id: string; institutionId: string | null; role: string }[] = [];
    for (const p of people) {
      const inst = p.institution ? insts.find((i) => i.name.includes(p.institution!)) : undefined;
      const [existing] = await tx
        .select({ id: users.id, institutionId: users.institutionId, role: users.role })
        .from(users)
        .where(eq(users.email, p.email));
      if (existing) {
        authorIds.push(existing);
        continue;
      }
      const [u] = await tx
        .insert(users)
        .values({ email: p.email, name: p.name, role: p.role ?? 'member', institutionId: inst?.id ?? null })
        .returning({ id: users.id, institutionId: users.institutionId, role: users.role });
      authorIds.push(u!);
    }
    const members = authorIds.filter((a) => a.role === 'member');
    const cats = await tx.select({ id: forumCategories.id, name: forumCategories.name }).from(forumCategories);
    const now = Date.now();
    let mostVoted: { id: string; votes: number } | null = null;
    for (const [i, s] of topics.entries()) {
      const category = cats.find((c) => c.name === s.category) ?? cats[0]!;
      const author = members[i % members.length]!;
      const createdAt = new Date(now - s.daysAgo * 86_400_000 - i * 3_600_000);
      const bodyHtml = sanitizeRichText(s.body);
      const [topic] = await tx
        .insert(forumTopics)
        .values({
          type: s.type,
          categoryId: category.id,
          title: s.title,
          bodyHtml,
          bodyText: richTextToPlain(bodyHtml),
          authorId: author.id,
          institutionId: author.institutionId,
          locked: !!s.locked,
          createdAt,
          lastActivityAt: createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: forumTopics.id });
      await tx.insert(forumFollows).values({ userId: author.id, topicId: topic!.id, mode: 'immediate' });
      const replyIds: string[] = [];
      let last = createdAt;
      for (const [k, body] of s.replies.entries()) {
        const writer = authorIds[(i + k + 1) % authorIds.length]!;
        const at = new Date(createdAt.getTime() + (k + 1) * 5 * 3_600_000);
        const html = sanitizeRichText(body);
        const [r] = await tx
          .insert(forumReplies)
          .values({
            topicId: topic!.id,
            authorId: writer.id,
            institutionId: writer.institutionId,
            bodyHtml: html,
            bodyText: richTextToPlain(html),
            quoteReplyId: k === 3 ? (replyIds[1] ?? null) : null,
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: forumReplies.id });
        replyIds.push(r!.id);
        last = at;
      }
      const voters = authorIds.filter((a) => a.id !== author.id).slice(0, Math.min(s.votes ?? 0, authorIds.length - 1));
      if (voters.length) await tx.insert(forumVotes).values(voters.map((v) => ({ topicId: topic!.id, userId: v.id })));
      const solution = s.solved !== undefined ? (replyIds[s.solved] ?? null) : null;
      await tx
        .update(forumTopics)
        .set({
          replyCount: replyIds.length,
          voteCount: voters.length,
          lastActivityAt: last,
          acceptedReplyId: solution,
          status: s.closed ? 'closed' : solution ? 'answered' : 'open',
        })
        .where(eq(forumTopics.id, topic!.id));
      if (s.type === 'problem' && !solution && (!mostVoted || voters.length > mostVoted.votes))
        mostVoted = { id: topic!.id, votes: voters.length };
    }
    // The most voted open problem went to the demo meeting ("dibahas pada ..., sesi Isu kehumasan terkini").
    if (meetingId && mostVoted) {
      const sessions = await tx
        .select({ id: agendaSessions.id, title: agendaSessions.title })
        .from(agendaSessions)
        .where(eq(agendaSessions.meetingId, meetingId))
        .orderBy(asc(agendaSessions.position));
      const session = sessions.find((x) => x.title.includes('Isu')) ?? sessions[0];
      if (session) {
        await tx.insert(forumTopicAgenda).values({ topicId: mostVoted.id, meetingId, agendaSessionId: session.id });
        await tx
          .update(forumTopics)
          .set({ status: 'in_meeting' })
          .where(inArray(forumTopics.id, [mostVoted.id]));
      }
    }
    return { created: true };
  });
}
