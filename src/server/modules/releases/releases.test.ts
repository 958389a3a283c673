import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../../test/builders/directory';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { waitFor } from '../../../../test/helpers/waitFor';
import { auditLog, files, institutions, releaseRevisions, releases } from '../../db/schema/index';
import { searchTextOf } from '../../../shared/text';
import { onReleaseVisibilityChanged, type ReleaseVisibilityEvent } from './events';
import { nextEmbargoAt, publicReleaseCondition, publicReleaseSql, releasePath } from './visibility';

let t: TestApp;
let admin: Session;
let agam: string;
let padang: string;
let bureau: string;
let writer: Session;
let writerId: string;
let editor: Session;
let editorId: string;
let otherMember: Session;
let committee: Session;
let committeeId: string;
const events: ReleaseVisibilityEvent[] = [];

async function newInstitution(name: string, category: string) {
  const [row] = await t.database.db
    .insert(institutions)
    .values({ name, category, searchText: searchTextOf(name) })
    .returning();
  return row!.id;
}

async function photo(width = 2000, height = 1200, format: 'jpeg' | 'png' = 'jpeg') {
  const img = sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 90 } } }).withExif({
    IFD0: { Copyright: 'Rahasia GPS', Artist: 'Kamera Uji' },
  });
  return format === 'jpeg' ? img.jpeg().toBuffer() : img.png().toBuffer();
}

const body = (title: string, over: Record<string, unknown> = {}) => ({
  title,
  summary: 'Ringkasan rilis untuk pembaca.',
  body: '<p>Gubernur Sumatera Barat meresmikan <strong>jembatan</strong> baru di Kabupaten Agam.</p>',
  category: 'pembangunan',
  tags: ['Jembatan', 'Agam'],
  contact: { name: 'Rina Humas', phone: '0812-3456-7890', email: 'rina@agam.test' },
  ...over,
});

async function create(s: Session, title: string, over: Record<string, unknown> = {}) {
  const res = await s.request('POST', '/api/releases', body(title, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function isPublic(id: string) {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(releases)
    .where(and(eq(releases.id, id), publicReleaseCondition));
  return Number(row!.n) === 1;
}

async function toApproved(title: string, over: Record<string, unknown> = {}) {
  const r = await create(writer, title, over);
  const s = await writer.request('POST', `/api/releases/${r.id}/submit`, { version: r.version });
  expect(s.statusCode, s.body).toBe(200);
  const a = await editor.request('POST', `/api/releases/${r.id}/approve`, { version: s.json().version });
  expect(a.statusCode, a.body).toBe(200);
  return a.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = (await sessionFor(t, 'admin')).session;
  agam = await newInstitution('Pemerintah Kabupaten Agam (rilis uji)', 'regency_city');
  padang = await newInstitution('Pemerintah Kota Padang (rilis uji)', 'regency_city');
  bureau = await newInstitution('Biro Humas Setda Provinsi Sumatera Barat (uji)', 'bureau');
  const w = await sessionFor(t, 'member', { institutionId: agam });
  writer = w.session;
  writerId = w.user.id;
  const e = await sessionFor(t, 'member', { institutionId: agam });
  editor = e.session;
  editorId = e.user.id;
  otherMember = (await sessionFor(t, 'member', { institutionId: padang })).session;
  const c = await sessionFor(t, 'committee');
  committee = c.session;
  committeeId = c.user.id;
  for (const id of [editorId, committeeId]) {
    const res = await admin.request('PUT', `/api/releases/editors/${id}`, { editor: true });
    expect(res.statusCode, res.body).toBe(200);
  }
  onReleaseVisibilityChanged((e) => events.push(e));
});
afterAll(() => t.close());

describe('releases: writing and the editorial workflow', () => {
  it('a member writes, an editor of its institution approves and publishes; the public sees it at /rilis/YYYY/MM/slug', async () => {
    const r = await create(writer, 'Gubernur Resmikan Jembatan Kayu Tanam');
    expect(r).toMatchObject({ status: 'draft', slug: 'gubernur-resmikan-jembatan-kayu-tanam', tagSlugs: ['jembatan', 'agam'], path: null });
    expect(r.institution.id).toBe(agam);
    expect(r.can).toMatchObject({ write: true, submit: true, review: false, publish: false });
    expect(r.contact.phone).toBe('0812-3456-7890');

    const edited = await writer.request('PATCH', `/api/releases/${r.id}`, { version: r.version, summary: 'Ringkasan baru.' });
    expect(edited.statusCode, edited.body).toBe(200);
    const submitted = await writer.request('POST', `/api/releases/${r.id}/submit`, { version: edited.json().version });
    expect(submitted.json().status).toBe('submitted');
    // Writers may no longer change it; a writer without the editor flag may not approve it.
    const locked = await writer.request('PATCH', `/api/releases/${r.id}`, { version: submitted.json().version, title: 'X' });
    expect(locked.statusCode).toBe(409);
    const notEditor = await writer.request('POST', `/api/releases/${r.id}/approve`, { version: submitted.json().version });
    expect(notEditor.statusCode).toBe(403);
    expect(notEditor.json().error.message).toMatch(/editor/);

    const before = events.length;
    const approved = await editor.request('POST', `/api/releases/${r.id}/approve`, { version: submitted.json().version, publishNow: true });
    expect(approved.statusCode, approved.body).toBe(200);
    const p = approved.json();
    expect(p.status).toBe('published');
    expect(p.path).toBe(releasePath({ slug: p.slug, firstPublishedAt: new Date(p.firstPublishedAt) }));
    expect(p.path).toMatch(/^\/rilis\/\d{4}\/\d{2}\/gubernur-resmikan-jembatan-kayu-tanam$/);
    expect(p.publicUrl).toBe(`http://simpul.test${p.path}`);
    expect(p.revisions).toHaveLength(1);
    expect(await isPublic(r.id)).toBe(true);
    expect(events.slice(before)).toEqual([
      expect.objectContaining({ reason: 'publish', releaseId: r.id, path: p.path, category: 'pembangunan' }),
    ]);

    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['release.approve', 'release.create', 'release.publish', 'release.submit', 'release.update'].sort(),
    );
    const raw = await t.database.db.execute(
      `select count(*)::int as n from releases r where ${publicReleaseSql('r')} and r.id = '${r.id}'`,
    );
    expect((raw as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });

  it('rejected with a comment goes back to the writer, who edits and resubmits', async () => {
    const r = await create(writer, 'Rilis yang perlu diperbaiki');
    const s = (await writer.request('POST', `/api/releases/${r.id}/submit`, { version: r.version })).json();
    const noComment = await editor.request('POST', `/api/releases/${r.id}/reject`, { version: s.version });
    expect(noComment.statusCode).toBe(400);
    const rej = await editor.request('POST', `/api/releases/${r.id}/reject`, { version: s.version, comment: 'Tambahkan kutipan Bupati.' });
    expect(rej.json()).toMatchObject({ status: 'rejected', reviewComment: 'Tambahkan kutipan Bupati.', can: { review: false } });
    const mine = await writer.request('GET', `/api/releases/${r.id}`);
    expect(mine.json().can).toMatchObject({ write: true, submit: true });
    const e = await writer.request('PATCH', `/api/releases/${r.id}`, {
      version: rej.json().version,
      body: '<p>"Kami bangga," kata Bupati.</p>',
    });
    expect(e.statusCode, e.body).toBe(200);
    const again = await writer.request('POST', `/api/releases/${r.id}/submit`, { version: e.json().version });
    expect(again.json().status).toBe('submitted');
    const queue = (await editor.request('GET', '/api/releases?queue=review')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect((await writer.request('GET', '/api/releases?queue=review')).json().total).toBe(0);
  });

  it("members see and edit only their institution's releases (404); the bureau writes for anyone and its editors approve", async () => {
    const r = await create(writer, 'Rilis milik Agam');
    expect((await otherMember.request('GET', `/api/releases/${r.id}`)).statusCode).toBe(404);
    expect((await otherMember.request('PATCH', `/api/releases/${r.id}`, { version: r.version, title: 'Dibajak' })).statusCode).toBe(404);
    expect((await otherMember.request('DELETE', `/api/releases/${r.id}?version=${r.version}`)).statusCode).toBe(404);
    const list = (await otherMember.request('GET', '/api/releases?limit=200')).json();
    expect(list.items.every((i: { institution: { id: string } }) => i.institution.id === padang)).toBe(true);
    expect((await otherMember.request('POST', '/api/releases', body('Atas nama Agam', { institutionId: agam }))).statusCode).toBe(404);
    const [row] = await t.database.db.select({ title: releases.title }).from(releases).where(eq(releases.id, r.id));
    expect(row!.title).toBe('Rilis milik Agam');

    // Bureau release: written by the committee, for the bureau by default, approved by a bureau editor.
    const b = await create(committee, 'Siaran Pers Biro Humas');
    expect(b.institution.id).toBe(bureau);
    const s = (await committee.request('POST', `/api/releases/${b.id}/submit`, { version: b.version })).json();
    expect((await editor.request('POST', `/api/releases/${b.id}/approve`, { version: s.version })).statusCode).toBe(404);
    const ok = await committee.request('POST', `/api/releases/${b.id}/approve`, { version: s.version });
    expect(ok.json().status).toBe('approved');
    const forPadang = await committee.request('POST', '/api/releases', body('Untuk Padang', { institutionId: padang }));
    expect(forPadang.json().institution.id).toBe(padang);
  });

  it('only administrators set the editor flag, and only on member or committee accounts', async () => {
    expect((await committee.request('PUT', `/api/releases/editors/${writerId}`, { editor: true })).statusCode).toBe(403);
    const speaker = await sessionFor(t, 'speaker');
    expect((await admin.request('PUT', `/api/releases/editors/${speaker.user.id}`, { editor: true })).statusCode).toBe(400);
    const list = (await admin.request('GET', '/api/releases/editors')).json();
    expect(list.items.map((i: { userId: string }) => i.userId).sort()).toEqual([editorId, committeeId].sort());
    const meta = (await editor.request('GET', '/api/releases/meta')).json();
    expect(meta).toMatchObject({ isEditor: true, institutions: [{ id: agam }] });
    expect((await writer.request('GET', '/api/releases/meta')).json().isEditor).toBe(false);
  });
});

describe('releases: images and attachments', () => {
  it('resizes a photo to 480/960/1600 in WebP and JPEG without EXIF, serves it publicly once published', async () => {
    const r = await create(writer, 'Rilis dengan foto');
    const noAlt = await multipart({ version: String(r.version) }, { name: 'foto.jpg', content: await photo(), type: 'image/jpeg' });
    expect((await writer.request('POST', `/api/releases/${r.id}/images`, noAlt.payload, noAlt.headers)).statusCode).toBe(400);
    const form = await multipart(
      { version: String(r.version), alt: 'Gubernur menggunting pita', caption: 'Peresmian jembatan', credit: 'Foto: Humas Agam' },
      { name: 'foto.jpg', content: await photo(), type: 'image/jpeg' },
    );
    const up = await writer.request('POST', `/api/releases/${r.id}/images`, form.payload, form.headers);
    expect(up.statusCode, up.body).toBe(201);
    const { image, releaseVersion } = up.json();
    expect(releaseVersion).toBe(r.version + 1);
    expect(image.variants.map((v: { width: number; mime: string }) => `${v.width} ${v.mime}`)).toEqual([
      '480 image/webp',
      '480 image/jpeg',
      '960 image/webp',
      '960 image/jpeg',
      '1600 image/webp',
      '1600 image/jpeg',
    ]);
    const fileId = image.variants[2].url.split('/')[3];
    const [stored] = await t.database.db.select().from(files).where(eq(files.id, fileId));
    const meta = await sharp(stored!.content!).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 960 });
    expect(meta.exif).toBeUndefined();
    const origMeta = await sharp(
      (
        await t.database.db
          .select()
          .from(files)
          .where(eq(files.id, image.url.split('/')[3]))
      )[0]!.content!,
    ).metadata();
    expect(origMeta.exif).toBeUndefined();

    // The body may show it; an image from elsewhere is dropped.
    const withImg = await writer.request('PATCH', `/api/releases/${r.id}`, {
      version: releaseVersion,
      body: `<p>Foto:</p><img src="${image.variants[2].url}" alt="Pita"><img src="/media/rilis/00000000-0000-0000-0000-000000000000/x.jpg" alt="asing"><img src="https://evil.test/x.png">`,
    });
    expect(withImg.statusCode, withImg.body).toBe(200);
    expect(withImg.json().body).toBe(`<p>Foto:</p><img src="${image.variants[2].url}" alt="Pita" />`);

    // Not public yet: anonymous 404, the writer (preview) gets it, never cached.
    expect((await t.app.inject({ method: 'GET', url: image.variants[2].url })).statusCode).toBe(404);
    const preview = await writer.request('GET', image.variants[2].url);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('private, no-store');
    const articleHtml = (await writer.request('GET', `/api/releases/${r.id}/preview`)).json().html;
    expect(articleHtml).toContain('<article class="release"');
    expect(articleHtml).toContain('alt="Gubernur menggunting pita"');
    const live = await writer.request('POST', '/api/releases/preview', {
      releaseId: r.id,
      title: 'Judul <b>belum</b> disimpan',
      body: '<p style="color:red">Isi baru</p>',
      tags: ['Uji Coba'],
    });
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json().body).toBe('<p>Isi baru</p>');
    expect(live.json().html).toContain('Judul &lt;b&gt;belum&lt;/b&gt; disimpan');
    expect(live.json().html).toContain('<div class="release-body"><p>Isi baru</p></div>');
    expect(live.json().html).toContain('alt="Gubernur menggunting pita"');
    expect((await writer.request('POST', '/api/releases/preview', { body: '<script>x</script>' })).statusCode).toBe(400);
    expect((await otherMember.request('POST', '/api/releases/preview', { releaseId: r.id, body: '<p>x</p>' })).statusCode).toBe(404);

    const s = (await writer.request('POST', `/api/releases/${r.id}/submit`, { version: withImg.json().version })).json();
    await editor.request('POST', `/api/releases/${r.id}/approve`, { version: s.version, publishNow: true });
    const pub = await t.app.inject({ method: 'GET', url: image.variants[2].url });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/webp');
    expect(pub.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('refuses a non-image (by content), an oversized image, and a bad attachment; nothing is stored', async () => {
    const r = await create(writer, 'Rilis unggahan buruk');
    const filesBefore = Number((await t.database.db.select({ n: count() }).from(files))[0]!.n);
    const fake = await multipart(
      { version: String(r.version), alt: 'x' },
      { name: 'foto.jpg', content: '<svg onload="alert(1)"></svg>', type: 'image/jpeg' },
    );
    const r1 = await writer.request('POST', `/api/releases/${r.id}/images`, fake.payload, fake.headers);
    expect(r1.statusCode).toBe(415);
    expect(r1.json().error.message).toMatch(/bukan gambar/);
    const huge = await multipart(
      { version: String(r.version), alt: 'x' },
      { name: 'besar.png', content: await photo(8200, 100, 'png'), type: 'image/png' },
    );
    const r2 = await writer.request('POST', `/api/releases/${r.id}/images`, huge.payload, huge.headers);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.message).toMatch(/terlalu besar/);
    const heavy = await multipart(
      { version: String(r.version), alt: 'x' },
      { name: 'berat.jpg', content: Buffer.alloc(9 * 1024 * 1024, 1), type: 'image/jpeg' },
    );
    expect((await writer.request('POST', `/api/releases/${r.id}/images`, heavy.payload, heavy.headers)).statusCode).toBe(413);
    const exe = await multipart(
      { version: String(r.version) },
      { name: 'laporan.pdf', content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), type: 'application/pdf' },
    );
    expect((await writer.request('POST', `/api/releases/${r.id}/attachments`, exe.payload, exe.headers)).statusCode).toBe(415);
    const filesAfter = Number((await t.database.db.select({ n: count() }).from(files))[0]!.n);
    expect(filesAfter).toBe(filesBefore);
    expect((await writer.request('GET', `/api/releases/${r.id}`)).json().version).toBe(r.version);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const good = await multipart({ version: String(r.version), title: 'Data pendukung' }, { name: 'data.exe', content: pdf });
    const ok = await writer.request('POST', `/api/releases/${r.id}/attachments`, good.payload, good.headers);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().attachment).toMatchObject({ name: 'data.pdf', mime: 'application/pdf', title: 'Data pendukung' });
  });
});

describe('releases: bad input leaves everything as it was', () => {
  it('refuses script, style, event handlers and javascript: links; strips inline styles', async () => {
    const r = await create(writer, 'Rilis masukan buruk');
    for (const [bad, msg] of [
      ['<p>Halo</p><script>alert(1)</script>', /skrip/],
      ['<style>body{display:none}</style><p>Halo</p>', /gaya/],
      ['<p onclick="alert(1)">Halo</p>', /atribut skrip/],
      ['<p><a href="javascript:alert(1)">klik</a></p>', /javascript/],
      ['<p><a href=" JavaScript:alert(1)">klik</a></p>', /javascript/],
    ] as const) {
      const res = await writer.request('PATCH', `/api/releases/${r.id}`, { version: r.version, body: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message).toMatch(msg);
      expect(res.json().error.fields.body).toBeTruthy();
    }
    const created = await writer.request('POST', '/api/releases', body('Skrip saat dibuat', { body: '<script>x</script>' }));
    expect(created.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(releases).where(eq(releases.id, r.id));
    expect(row!.version).toBe(r.version);
    expect(row!.body).toBe(r.body);
    const styled = await writer.request('PATCH', `/api/releases/${r.id}`, {
      version: r.version,
      body: '<p style="color:red" class="x">Merah <a href="https://sumbarprov.go.id" target="_blank">tautan</a></p>',
    });
    expect(styled.json().body).toBe('<p>Merah <a href="https://sumbarprov.go.id" rel="nofollow noopener noreferrer">tautan</a></p>');
  });

  it('refuses a slug collision (409) and an over-size release (400); an automatic slug gets a suffix', async () => {
    const a = await create(writer, 'Judul Kembar');
    const b = await create(writer, 'Judul Kembar');
    expect(b.slug).toBe('judul-kembar-2');
    const taken = await writer.request('POST', '/api/releases', body('Lain', { slug: 'judul-kembar' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields.slug).toMatch(/sudah dipakai/);
    const patch = await writer.request('PATCH', `/api/releases/${b.id}`, { version: b.version, slug: a.slug });
    expect(patch.statusCode).toBe(409);
    const big = `<p>${'Padang '.repeat(20_000)}</p>`;
    const tooBig = await writer.request('PATCH', `/api/releases/${b.id}`, { version: b.version, body: big });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toMatch(/terlalu panjang/);
    const [row] = await t.database.db.select().from(releases).where(eq(releases.id, b.id));
    expect(row).toMatchObject({ version: b.version, slug: 'judul-kembar-2' });
  });

  it('refuses an embargo in the past with fields.publishAt, status unchanged, no job', async () => {
    const a = await toApproved('Rilis embargo lampau');
    const past = await editor.request('POST', `/api/releases/${a.id}/publish`, {
      version: a.version,
      publishAt: '2020-01-01T10:00:00+07:00',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields.publishAt).toMatch(/sudah lewat/);
    const now = (await editor.request('GET', `/api/releases/${a.id}`)).json();
    expect(now).toMatchObject({ status: 'approved', version: a.version, publishAt: null });
  });
});

describe('releases: embargo, corrections, unpublish', () => {
  it('a scheduled release is invisible until its time, then the job publishes it and fires the hook', async () => {
    const a = await toApproved('Rilis Embargo Pukul Sepuluh', { category: 'ekonomi' });
    const at = new Date(Date.now() + 3_000);
    const before = events.length;
    const s = await editor.request('POST', `/api/releases/${a.id}/publish`, { version: a.version, publishAt: at.toISOString() });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ status: 'scheduled', publishAt: at.toISOString() });
    expect(s.json().path).toMatch(/^\/rilis\/\d{4}\/\d{2}\/rilis-embargo-pukul-sepuluh$/);
    expect(await isPublic(a.id)).toBe(false);
    expect((await nextEmbargoAt(t.database.db))?.getTime()).toBeLessThanOrEqual(at.getTime());
    expect(events.length).toBe(before);
    const e = await waitFor(() => events.find((x) => x.releaseId === a.id && x.reason === 'embargo_lift'), 30_000, 'embargo lift');
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    expect(e).toMatchObject({ category: 'ekonomi', path: s.json().path });
    expect(await isPublic(a.id)).toBe(true);
    const [row] = await t.database.db.select().from(releases).where(eq(releases.id, a.id));
    expect(row!.status).toBe('published');
  }, 40_000);

  it("the writer's requested embargo time is kept and used when the editor publishes without a time", async () => {
    const past = await writer.request('POST', '/api/releases', body('Minta embargo lampau', { publishAt: '2021-05-01T08:00:00+07:00' }));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields.publishAt).toMatch(/sudah lewat/);
    const at = new Date(Date.now() + 86_400_000);
    const a = await toApproved('Minta embargo besok', { publishAt: at.toISOString() });
    expect(a).toMatchObject({ status: 'approved', publishAt: at.toISOString() });
    const p = await editor.request('POST', `/api/releases/${a.id}/publish`, { version: a.version });
    expect(p.json()).toMatchObject({ status: 'scheduled', publishAt: at.toISOString() });
    const now = await editor.request('POST', `/api/releases/${a.id}/publish`, { version: p.json().version, publishAt: null });
    expect(now.json().status).toBe('published');
  });

  it('rescheduling leaves the old job without effect; unschedule goes back to approved', async () => {
    const a = await toApproved('Rilis dijadwal ulang');
    const s1 = (
      await editor.request('POST', `/api/releases/${a.id}/publish`, {
        version: a.version,
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).json();
    const s2 = await editor.request('POST', `/api/releases/${a.id}/publish`, {
      version: s1.version,
      publishAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    expect(s2.json().status).toBe('scheduled');
    const un = await editor.request('POST', `/api/releases/${a.id}/unschedule`, { version: s2.json().version });
    expect(un.json()).toMatchObject({ status: 'approved', publishAt: null, path: null });
  });

  it('a significant correction keeps a revision and shows "Diperbarui"; unpublish hides it and fires the hook', async () => {
    const a = await toApproved('Rilis yang dikoreksi', { category: 'kesehatan', tags: ['Posyandu'] });
    const p = (await editor.request('POST', `/api/releases/${a.id}/publish`, { version: a.version })).json();
    expect(p.status).toBe('published');
    const noNote = await editor.request('POST', `/api/releases/${a.id}/correct`, { version: p.version, title: 'Baru', significant: true });
    expect(noNote.statusCode).toBe(400);
    expect(
      (await writer.request('POST', `/api/releases/${a.id}/correct`, { version: p.version, title: 'Baru', significant: false })).statusCode,
    ).toBe(403);
    const before = events.length;
    const c = await editor.request('POST', `/api/releases/${a.id}/correct`, {
      version: p.version,
      body: '<p>Jumlah peserta 1.200 orang (sebelumnya tertulis 120).</p>',
      category: 'sosial',
      significant: true,
      note: 'Jumlah peserta diperbaiki',
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toMatchObject({ correctionNote: 'Jumlah peserta diperbaiki', category: 'sosial', slug: p.slug, path: p.path });
    expect(c.json().correctedAt).toBeTruthy();
    expect(c.json().revisions.map((r: { revision: number; significant: boolean }) => [r.revision, r.significant])).toEqual([
      [2, true],
      [1, false],
    ]);
    const revs = await t.database.db.select().from(releaseRevisions).where(eq(releaseRevisions.releaseId, a.id));
    expect(revs.find((r) => r.revision === 1)!.body).not.toContain('1.200');
    expect(events.slice(before)).toEqual([
      expect.objectContaining({ reason: 'update', category: 'sosial', previous: expect.objectContaining({ category: 'kesehatan' }) }),
    ]);
    const minor = await editor.request('POST', `/api/releases/${a.id}/correct`, {
      version: c.json().version,
      summary: 'Salah ketik.',
      significant: false,
    });
    expect(minor.json().correctionNote).toBe('Jumlah peserta diperbaiki');

    const u = await editor.request('POST', `/api/releases/${a.id}/unpublish`, {
      version: minor.json().version,
      reason: 'Data belum final',
    });
    expect(u.json().status).toBe('unpublished');
    expect(await isPublic(a.id)).toBe(false);
    expect(events.at(-1)).toMatchObject({ reason: 'unpublish', releaseId: a.id });
    const re = await editor.request('POST', `/api/releases/${a.id}/publish`, { version: u.json().version });
    expect(re.json()).toMatchObject({ status: 'published', path: p.path });
    expect(events.at(-1)).toMatchObject({ reason: 'publish', releaseId: a.id });
  });

  it('deletes a draft with its files; a published release cannot be deleted', async () => {
    const r = await create(writer, 'Draf dihapus');
    const form = await multipart(
      { version: String(r.version), alt: 'Foto' },
      { name: 'a.png', content: await photo(300, 200, 'png'), type: 'image/png' },
    );
    const up = (await writer.request('POST', `/api/releases/${r.id}/images`, form.payload, form.headers)).json();
    expect(up.image.variants.map((v: { width: number }) => v.width)).toEqual([300, 300]);
    const fileId = up.image.url.split('/')[3];
    const del = await writer.request('DELETE', `/api/releases/${r.id}?version=${up.releaseVersion}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await t.database.db.select().from(files).where(eq(files.id, fileId))).toHaveLength(0);
    const a = await toApproved('Terbit tak terhapus');
    const p = (await editor.request('POST', `/api/releases/${a.id}/publish`, { version: a.version })).json();
    expect((await writer.request('DELETE', `/api/releases/${a.id}?version=${p.version}`)).statusCode).toBe(409);
  });
});
