import { createRequire } from 'node:module';
import { buildApp } from '../src/server/app';
import { migrate } from '../src/server/db/client';
import { users } from '../src/server/db/schema/auth';
import { institutions, officers } from '../src/server/db/schema/directory';
import { hashPassword } from '../src/server/core/passwords';
import type { InstitutionCategory } from '../src/shared/categories';
import { searchTextOf } from '../src/shared/text';
import { openBenchDatabase } from './support';

// autocannon ships no type declarations: type the part of its programmatic API used here.
type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { average: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const institutionCount = 5_000;
const officersPerInstitution = 4;
const batchSize = 500;
const adminEmail = 'bench-admin@simpul.local';
const adminPassword = 'bench-kata-sandi-123';

const regions = [
  ['13.01', 'Pesisir Selatan'],
  ['13.02', 'Solok'],
  ['13.03', 'Sijunjung'],
  ['13.04', 'Tanah Datar'],
  ['13.05', 'Padang Pariaman'],
  ['13.06', 'Agam'],
  ['13.07', 'Lima Puluh Kota'],
  ['13.08', 'Pasaman'],
  ['13.09', 'Kepulauan Mentawai'],
  ['13.10', 'Dharmasraya'],
  ['13.11', 'Solok Selatan'],
  ['13.12', 'Pasaman Barat'],
  ['13.71', 'Padang'],
  ['13.72', 'Solok'],
  ['13.73', 'Sawahlunto'],
  ['13.74', 'Padang Panjang'],
  ['13.75', 'Bukittinggi'],
  ['13.76', 'Payakumbuh'],
  ['13.77', 'Pariaman'],
] as const;
const places = regions.map(([code, name]) => ({ code, name, kind: code > '13.70' ? 'Kota' : 'Kabupaten' }));

/** Unit names per category; `{p}` is a place ("Kota Padang", "Kabupaten Agam"). */
const templates: [InstitutionCategory, string[]][] = [
  [
    'regency_city',
    [
      'Pemerintah {p}',
      'Sekretariat Daerah {p}',
      'Dinas Komunikasi dan Informatika {p}',
      'Bagian Protokol dan Komunikasi Pimpinan {p}',
      'Sekretariat DPRD {p}',
    ],
  ],
  [
    'vertical_agency',
    [
      'Badan Pusat Statistik {p}',
      'Kantor Kementerian Agama {p}',
      'Kantor Pertanahan {p}',
      'Kepolisian Resor {p}',
      'Kejaksaan Negeri {p}',
      'Pengadilan Negeri {p}',
      'Kantor Pelayanan Pajak Pratama {p}',
      'Komisi Pemilihan Umum {p}',
    ],
  ],
  [
    'non_departmental',
    [
      'Badan Penanggulangan Bencana Daerah {p}',
      'Badan Narkotika Nasional {p}',
      'Badan Pengawas Obat dan Makanan di {p}',
      'Badan Meteorologi, Klimatologi, dan Geofisika {p}',
    ],
  ],
  [
    'university',
    [
      'Universitas Negeri {p}',
      'Politeknik {p}',
      'Sekolah Tinggi Ilmu Kesehatan {p}',
      'Universitas Muhammadiyah {p}',
      'Institut Agama Islam Negeri {p}',
    ],
  ],
  [
    'bumn',
    [
      'PT Bank Rakyat Indonesia Kantor Cabang {p}',
      'PT PLN (Persero) Unit Layanan {p}',
      'PT Pos Indonesia Kantor Cabang {p}',
      'PT Pegadaian Cabang {p}',
      'PT Telkom Indonesia Witel {p}',
    ],
  ],
  ['bumd', ['PT Bank Nagari Cabang {p}', 'Perumda Air Minum {p}', 'PT Jamkrida Sumbar Cabang {p}', 'Perumda Pasar {p}']],
  [
    'provincial_agency',
    ['UPTD Dinas Kesehatan Provinsi di {p}', 'Cabang Dinas Pendidikan Wilayah {p}', 'UPTD Samsat {p}', 'Balai Pelatihan Kerja {p}'],
  ],
];
const firstNames = [
  'Rahmat',
  'Siti',
  'Andi',
  'Yusuf',
  'Nurul',
  'Fitri',
  'Rizky',
  'Dewi',
  'Hendra',
  'Rina',
  'Fajar',
  'Yeni',
  'Irwan',
  'Mega',
  'Zulkifli',
  'Syafrudin',
  'Desi',
  'Afrizal',
  'Rosmaini',
  'Gusti',
  'Élvira',
  'Ilham',
  'Wulan',
  'Budi',
  'Febri',
];
const lastNames = [
  'Hidayat',
  'Nurhaliza',
  'Saputra',
  'Putri',
  'Syahputra',
  'Rahmadani',
  'Chaniago',
  'Piliang',
  'Koto',
  'Tanjung',
  'Sikumbang',
  'Caniago',
  'Melayu',
  'Guci',
  'Jambak',
  'Pané',
  'Lubis',
  'Harahap',
  'Siregar',
  'Marpaung',
];
const degrees = ['', ', S.Sos.', ', S.I.Kom.', ', M.I.Kom.', ', S.E.', ', S.H.', ', M.Si.'];
const positions = [
  'Kepala Bagian Humas',
  'Kepala Subbagian Publikasi',
  'Pranata Humas Ahli Pertama',
  'Pranata Humas Ahli Muda',
  'Pranata Humas Terampil',
  'Staf Humas',
];
const levels = ['terampil', 'mahir', 'penyelia', 'ahli_pertama', 'ahli_muda', 'ahli_madya'];

/** A small deterministic generator, so two runs insert the same rows. */
let seed = 20_191;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');

function institutionRows() {
  const all = templates.flatMap(([category, names]) => names.flatMap((n) => places.map((p) => ({ category, template: n, place: p }))));
  return Array.from({ length: institutionCount }, (_, i) => {
    const { category, template, place } = all[i % all.length]!;
    const round = Math.floor(i / all.length);
    // Past one round of every unit in every place, add numbered branch offices (Unit 2, Unit 3, ...).
    const name = template.replace('{p}', `${place.kind} ${place.name}`) + (round ? ` Unit ${round + 1}` : '');
    const shortName =
      category === 'university'
        ? name
            .split(' ')
            .map((w) => w[0])
            .join('')
            .toUpperCase()
            .slice(0, 8)
        : null;
    const host = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 24);
    return {
      name,
      shortName,
      category,
      // Region codes are unique: only the regency/city government itself carries one.
      regionCode: category === 'regency_city' && template.startsWith('Pemerintah ') && !round ? place.code : null,
      website: `https://${host}.go.id`,
      email: `humas@${host}.go.id`,
      phone: `0751${digits(6)}`,
      address: `Jl. ${pick(['Sudirman', 'Khatib Sulaiman', 'Rasuna Said', 'Ahmad Yani', 'Veteran'])} No. ${1 + Math.floor(rand() * 200)}, ${place.name}`,
      active: rand() > 0.03,
      searchText: searchTextOf(name, shortName),
    };
  });
}

let officerSeq = 0;
function officerRows(institutionId: string) {
  return Array.from({ length: officersPerInstitution }, (_, i) => {
    const name = `${pick(firstNames)} ${pick(lastNames)}${pick(degrees)}`;
    const n = ++officerSeq; // NIP and e-mail are unique in the directory
    return {
      institutionId,
      name,
      nip: `19${digits(6)}${String(n).padStart(10, '0')}`,
      position: pick(positions),
      prFunctionalLevel: pick(levels),
      email: `${name.split(',')[0]!.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, '.')}.${n}@example.go.id`,
      phone: `+628${digits(10)}`,
      isMainContact: i === 0,
      active: rand() > 0.05,
      searchText: searchTextOf(name),
    };
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const { database, config, port, dispose } = await openBenchDatabase();
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    let t0 = performance.now();
    await migrate(database);
    console.log(`migrated in ${seconds(performance.now() - t0)}`);

    t0 = performance.now();
    const db = database.db;
    const rows = institutionRows();
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += batchSize) {
      const inserted = await db
        .insert(institutions)
        .values(rows.slice(i, i + batchSize))
        .returning({ id: institutions.id });
      ids.push(...inserted.map((r) => r.id));
    }
    let officerTotal = 0;
    const perBatch = batchSize / officersPerInstitution;
    for (let i = 0; i < ids.length; i += perBatch) {
      const batch = ids.slice(i, i + perBatch).flatMap(officerRows);
      await db.insert(officers).values(batch);
      officerTotal += batch.length;
    }
    console.log(`inserted ${ids.length} institutions and ${officerTotal} officers in ${seconds(performance.now() - t0)}`);
    await db
      .insert(users)
      .values({ email: adminEmail, name: 'Admin Benchmark', role: 'admin', passwordHash: await hashPassword(adminPassword) });

    app = await buildApp({ config, database, logger: false });
    await app.listen({ port, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: adminEmail, password: adminPassword }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie };

    const targets = [
      { label: 'GET /api/institutions', path: '/api/institutions' },
      { label: 'GET /api/institutions?q=kota', path: '/api/institutions?q=kota' },
    ];
    const results: { label: string; rps: number; p99: number; avg: number }[] = [];
    for (const target of targets) {
      const probe = await fetch(base + target.path, { headers });
      if (probe.status !== 200) throw new Error(`${target.label}: ${probe.status} ${(await probe.text()).slice(0, 300)}`);
      const body = (await probe.json()) as { items: unknown[]; total: number };
      console.log(`\n${target.label}: ${body.items.length} rows of ${body.total}; 10 connections, 10 s`);
      const r = await autocannon({ url: base + target.path, connections: 10, duration: 10, headers });
      if (r.non2xx || r.errors || r.timeouts) console.warn(`  warning: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
      console.log(
        `  ${r.requests.average.toFixed(1)} requests/s (average), latency p99 ${r.latency.p99} ms, average ${r.latency.average.toFixed(1)} ms, ${r.requests.total} requests`,
      );
      results.push({ label: target.label, rps: r.requests.average, p99: r.latency.p99, avg: r.latency.average });
    }
    console.log('\nsummary');
    for (const r of results) console.log(`  ${r.label.padEnd(32)} ${r.rps.toFixed(1).padStart(8)} req/s   p99 ${r.p99} ms`);
  } finally {
    await app?.close();
    await dispose();
  }
}

main().catch((e) => {
  // Drizzle errors carry the whole multi-row INSERT; print the gist, not 5,000 parameters.
  const cause = (e as { cause?: { message?: string; detail?: string } }).cause;
  console.error(`${String((e as Error).message).slice(0, 300)}${cause ? `\ncause: ${cause.message} ${cause.detail ?? ''}` : ''}`);
  process.exit(1);
});
