import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { migrate } from '../src/server/db/client';
import { forumCategories, forumReplies, forumTopics, institutions, users } from '../src/server/db/schema/index';
import { hashPassword } from '../src/server/core/passwords';
import { searchTextOf } from '../src/shared/text';
import { openBenchDatabase } from './support';

const topicCount = Number(process.env.FORUM_TOPICS ?? 20_000);
const replyCount = Number(process.env.FORUM_REPLIES ?? 200_000);
const samples = Number(process.env.FORUM_SAMPLES ?? 200);
const batchSize = 1000;
const memberEmail = 'bench-forum@simpul.local';
const memberPassword = 'bench-kata-sandi-123';

// A small deterministic generator, so every run writes the same forum.
let seed = 20_191_111;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

const words = (
  'humas informasi publik media sosial wartawan siaran pers klarifikasi hoaks disinformasi krisis bencana banjir gempa ' +
  'longsor pemerintah daerah kabupaten kota provinsi dinas kominfo sekretariat protokol acara pimpinan gubernur bupati ' +
  'wali kota pejabat pengelola ppid permohonan keberatan dokumen anggaran laporan kegiatan rapat koordinasi kehumasan ' +
  'pranata jabatan fungsional kompetensi pelatihan sertifikasi unggahan video foto infografis instagram facebook twitter ' +
  'youtube tiktok wawancara konferensi liputan berita portal daring cetak radio televisi narasumber juru bicara ' +
  'tanggapan keluhan masyarakat warga layanan pengaduan lapor cepat tepat akurat terverifikasi data statistik ' +
  'kebijakan peraturan surat edaran standar operasional prosedur templat format jadwal agenda minggu bulan tahun ' +
  'anggaran belanja honorarium perjalanan dinas perlengkapan kamera drone studio ruang rapat aula hotel ' +
  'komunikasi strategi pesan kunci narasi isu sensitif reputasi citra kepercayaan publik evaluasi indikator kinerja'
).split(' ');
const glue = ['yang', 'dan', 'di', 'ke', 'dari', 'untuk', 'dengan', 'pada', 'dalam', 'agar', 'karena', 'oleh'];
const openers = ['Bagaimana', 'Mohon saran', 'Apakah ada', 'Berbagi', 'Pengalaman kami', 'Pertanyaan tentang', 'Informasi'];

function sentence(n: number) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i % 3 === 2 ? pick(glue) : pick(words));
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}
const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8 + Math.floor(rand() * 10))).join(' ');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const { database, config, port, dispose } = await openBenchDatabase();
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    let t0 = performance.now();
    await migrate(database);
    const db = database.db;
    // FORUM_REUSE=1 measures again on a database an earlier run filled (PostgreSQL), instead of filling it.
    const [{ existing }] = (await db.select({ existing: sql<number>`count(*)::int` }).from(forumTopics)) as [{ existing: number }];
    const reuse = process.env.FORUM_REUSE === '1' && existing >= topicCount;
    let bigTopic: string;
    if (reuse) {
      const found = (await db.execute(
        sql`select topic_id from forum_replies group by topic_id order by count(*) desc limit 1`,
      )) as unknown as {
        rows: { topic_id: string }[];
      };
      bigTopic = found.rows[0]!.topic_id;
      console.log(`reusing ${existing} topics`);
    } else {
      const categories = (await db.select({ id: forumCategories.id }).from(forumCategories)).map((c) => c.id);
      const insts = await db
        .insert(institutions)
        .values(
          Array.from({ length: 40 }, (_, i) => {
            const name = `Dinas Komunikasi dan Informatika Daerah ${i + 1}`;
            return { name, category: 'regency_city', searchText: searchTextOf(name, null) };
          }),
        )
        .returning({ id: institutions.id });
      const passwordHash = await hashPassword(memberPassword);
      const people = await db
        .insert(users)
        .values(
          Array.from({ length: 120 }, (_, i) => ({
            email: i === 0 ? memberEmail : `anggota${i}@bench.local`,
            name: `Petugas Humas ${i + 1}`,
            role: i % 20 === 19 ? 'committee' : 'member',
            institutionId: insts[i % insts.length]!.id,
            passwordHash,
          })),
        )
        .returning({ id: users.id, institutionId: users.institutionId });

      const now = Date.now();
      const span = 2 * 365 * 86_400_000;
      const topicIds: string[] = [];
      for (let i = 0; i < topicCount; i += batchSize) {
        const rows = Array.from({ length: Math.min(batchSize, topicCount - i) }, () => {
          const who = pick(people);
          const body = `${paragraph(2 + Math.floor(rand() * 4))}\n\n${paragraph(1 + Math.floor(rand() * 3))}`;
          const at = new Date(now - Math.floor(rand() * span));
          return {
            type: rand() < 0.7 ? 'problem' : 'information',
            categoryId: pick(categories),
            title: `${pick(openers)} ${sentence(4 + Math.floor(rand() * 5))
              .toLowerCase()
              .replace(/\.$/, '')}`.slice(0, 200),
            bodyHtml: body
              .split('\n\n')
              .map((p) => `<p>${p}</p>`)
              .join(''),
            bodyText: body,
            authorId: who.id,
            institutionId: who.institutionId,
            status: pick(['open', 'open', 'open', 'answered', 'closed']),
            voteCount: Math.floor(rand() * rand() * 40),
            createdAt: at,
            lastActivityAt: at,
          };
        });
        const inserted = await db.insert(forumTopics).values(rows).returning({ id: forumTopics.id });
        topicIds.push(...inserted.map((r) => r.id));
      }
      console.log(`inserted ${topicIds.length} topics in ${seconds(performance.now() - t0)}`);

      t0 = performance.now();
      bigTopic = topicIds[Math.floor(topicIds.length / 2)]!;
      let written = 0;
      while (written < replyCount) {
        const n = Math.min(batchSize, replyCount - written);
        const rows = Array.from({ length: n }, (_, k) => {
          const who = pick(people);
          const body = paragraph(1 + Math.floor(rand() * 3));
          return {
            topicId: written + k < 200 ? bigTopic : pick(topicIds),
            authorId: who.id,
            institutionId: who.institutionId,
            bodyHtml: `<p>${body}</p>`,
            bodyText: body,
            createdAt: new Date(now - Math.floor(rand() * span)),
          };
        });
        await db.insert(forumReplies).values(rows);
        written += n;
      }
      await db.execute(sql`
      update forum_topics t set reply_count = r.n, last_activity_at = greatest(t.created_at, r.last)
        from (select topic_id, count(*)::int as n, max(created_at) as last from forum_replies group by topic_id) r
       where r.topic_id = t.id`);
      await db.execute(sql`analyze`);
      console.log(`inserted ${written} replies (200 in one topic) in ${seconds(performance.now() - t0)}`);
    }

    app = await buildApp({ config, database, logger: false });
    await app.listen({ port, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: memberEmail, password: memberPassword }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = async (path: string) => {
      const res = await fetch(base + path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
      return res.json() as Promise<{ items: unknown[]; nextCursor?: string | null }>;
    };

    // Page 500 of the default list: walk there once through the cursors.
    const lastPage = Math.min(500, Math.floor(topicCount / 20));
    let cursor: string | null | undefined = null;
    for (let page = 1; page < lastPage; page++) {
      cursor = (await get(`/api/forum/topics?limit=20${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
      if (!cursor) throw new Error(`the list ended at page ${page}`);
    }
    const page500 = `/api/forum/topics?limit=20&cursor=${cursor}`;

    const queries = [
      'klarifikasi hoaks',
      'banjir',
      'siaran pers',
      '"media sosial"',
      'anggaran honorarium',
      'ppid keberatan',
      'drone',
      'juru bicara',
      'wawancara televisi',
      'standar operasional prosedur',
      'gempa -longsor',
      'tiktok or youtube',
      'kepercayaan publik',
      'infografis',
      'sertifikasi pranata',
      'rapat koordinasi kehumasan',
      'reputasi',
      'narasumber',
      'pengaduan warga',
      'kamera studio',
    ];
    const scenarios: { label: string; run: (i: number) => Promise<unknown> }[] = [
      // What every request costs before the forum does anything (session, CSRF, serialisation): the floor.
      { label: 'baseline GET /api/auth/me', run: () => get('/api/auth/me') },
      { label: 'search (20 queries)', run: (i) => get(`/api/forum/search?q=${encodeURIComponent(queries[i % queries.length]!)}`) },
      { label: 'topic list page 1', run: () => get('/api/forum/topics?limit=20') },
      { label: `topic list page ${lastPage}`, run: () => get(page500) },
      {
        label: 'topic page, 200 replies',
        run: () => Promise.all([get(`/api/forum/topics/${bigTopic}`), get(`/api/forum/topics/${bigTopic}/replies?limit=200`)]),
      },
    ];
    const check = await get(`/api/forum/topics/${bigTopic}/replies?limit=200`);
    if (check.items.length !== 200) throw new Error(`the big topic has ${check.items.length} replies`);
    const summary: string[] = [];
    for (const s of scenarios) {
      for (let i = 0; i < 10; i++) await s.run(i); // warm-up
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        await s.run(i);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const line = `${s.label.padEnd(26)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   max ${times[times.length - 1]!.toFixed(1).padStart(6)} ms   (${samples} requests)`;
      console.log(line);
      summary.push(line);
    }
    console.log(
      `\nsummary (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${topicCount} topics, ${replyCount} replies)\n${summary.join('\n')}`,
    );
  } finally {
    await app?.close();
    await dispose();
  }
}

main().catch((e) => {
  const cause = (e as { cause?: { message?: string; detail?: string } }).cause;
  console.error(`${String((e as Error).message).slice(0, 300)}${cause ? `\ncause: ${cause.message} ${cause.detail ?? ''}` : ''}`);
  process.exit(1);
});
