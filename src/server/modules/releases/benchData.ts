import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { releaseCategories } from '../../../shared/releaseStates';

/**
 * Bulk releases for benchmarks (bench/portal.ts): INSERT ... SELECT generate_series in batches, no per-row round
 * trip. Every row is public (status published, publish_at in the past), spread evenly over `years` back from now,
 * with unique slugs `rilis-bench-<n>`, institutions, categories and tags in rotation, a few featured, and an
 * Indonesian body of about 700 characters (so full-text search has real words). No images.
 * 1,000,000 rows on PostgreSQL, 100,000 on PGlite.
 */
export async function generateReleases(
  db: Db,
  opts: { count: number; institutionIds: string[]; batch?: number; years?: number; startAt?: number; onBatch?: (done: number) => void },
): Promise<{ inserted: number; ms: number }> {
  if (!opts.institutionIds.length) throw new Error('generateReleases: give at least one institution id');
  const started = Date.now();
  const batch = opts.batch ?? 50_000;
  const start = opts.startAt ?? 1;
  const end = start + opts.count - 1;
  const spanSeconds = Math.round((opts.years ?? 7) * 365.25 * 86_400);
  const institutions = sql.raw(`array[${opts.institutionIds.map((id) => `'${id.replace(/[^0-9a-f-]/gi, '')}'`).join(',')}]::uuid[]`);
  const categories = sql.raw(`array[${releaseCategories.map((c) => `'${c}'`).join(',')}]::text[]`);
  for (let from = start; from <= end; from += batch) {
    const to = Math.min(end, from + batch - 1);
    await db.execute(sql`
      with words as (
        select
          array['Gubernur','Wakil Gubernur','Sekda','Bupati','Wali Kota','Kepala Dinas','Kapolda','Rektor','Direktur Utama','DPRD'] as who,
          array['meresmikan','meninjau','membuka','menyerahkan','mencanangkan','menandatangani','mengunjungi','meluncurkan'] as did,
          array['jembatan baru','pasar rakyat','program vaksinasi','festival budaya','bantuan bibit padi','rumah sakit daerah','jalan provinsi','sekolah kejuruan','bendungan irigasi','layanan perizinan daring'] as what,
          array['Padang','Bukittinggi','Payakumbuh','Solok','Sawahlunto','Padang Panjang','Pariaman','Agam','Tanah Datar','Pesisir Selatan','Pasaman','Dharmasraya','Mentawai','Sijunjung'] as place,
          array['Infrastruktur','Kesehatan','Pertanian','Pariwisata','Pendidikan','UMKM','Bencana','Pelayanan Publik','Budaya Minang','Investasi'] as tag
      )
      insert into releases (institution_id, author_id, status, title, summary, body, body_text, category, tags, tag_slugs, slug,
                            featured, publish_at, first_published_at, created_at, updated_at)
      select
        (${institutions})[1 + (g % array_length(${institutions}, 1))],
        null,
        'published',
        t.title,
        t.summary,
        '<p>' || t.p1 || '</p><p>' || t.p2 || '</p><p>' || t.p3 || '</p>',
        t.p1 || E'\n\n' || t.p2 || E'\n\n' || t.p3,
        (${categories})[1 + (g % array_length(${categories}, 1))],
        array[w.tag[1 + g % 10], w.tag[1 + (g / 10) % 10]],
        array[lower(replace(w.tag[1 + g % 10], ' ', '-')), lower(replace(w.tag[1 + (g / 10) % 10], ' ', '-'))],
        'rilis-bench-' || g,
        g % 97 = 0,
        t.at,
        t.at,
        t.at,
        t.at
      from generate_series(${from}::int, ${to}::int) g
      cross join words w
      cross join lateral (
        select
          w.who[1 + g % 10] || ' ' || w.did[1 + (g / 7) % 8] || ' ' || w.what[1 + (g / 3) % 10] || ' di ' || w.place[1 + (g / 11) % 14] || ' (' || g || ')' as title,
          'Pemerintah Provinsi Sumatera Barat terus mendorong ' || w.what[1 + (g / 3) % 10] || ' di ' || w.place[1 + (g / 11) % 14] || ' demi pelayanan masyarakat.' as summary,
          w.who[1 + g % 10] || ' ' || w.did[1 + (g / 7) % 8] || ' ' || w.what[1 + (g / 3) % 10] || ' di ' || w.place[1 + (g / 11) % 14] ||
            ' pada kunjungan kerja yang dihadiri unsur Forkopimda, tokoh adat, ninik mamak, alim ulama dan cadiak pandai. Kegiatan ini merupakan bagian dari program prioritas daerah tahun berjalan.' as p1,
          'Dalam sambutannya disampaikan bahwa pembangunan harus dirasakan langsung oleh masyarakat nagari. Pemerintah daerah berkomitmen menjaga kualitas pekerjaan, transparansi anggaran dan keterlibatan warga dalam pengawasan.' as p2,
          'Masyarakat diharapkan ikut menjaga dan memanfaatkan hasil ' || w.what[1 + (g / 3) % 10] || ' sebaik-baiknya. Informasi lebih lanjut dapat diperoleh melalui kanal resmi Biro Humas.' as p3,
          now() - make_interval(secs => (${end} - g + 1)::double precision * ${spanSeconds}::double precision / ${opts.count}::double precision) as at
      ) t
    `);
    opts.onBatch?.(to - start + 1);
  }
  await db.execute(sql`analyze releases`);
  return { inserted: opts.count, ms: Date.now() - started };
}

/** Removes what generateReleases inserted. */
export async function deleteGeneratedReleases(db: Db): Promise<number> {
  const r = await db.execute(sql`delete from releases where slug like 'rilis-bench-%'`);
  return (r as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0;
}
