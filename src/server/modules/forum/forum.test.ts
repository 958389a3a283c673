import { and, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, forumFollows, forumVotes, mailOutbox } from '../../db/schema/index';
import { createTestApp, sessionFor, type Session, type TestApp } from '../../../../test/helpers/testApp';
import { buildInstitution, multipart } from '../../../../test/builders/directory';
import { waitFor } from '../../../../test/helpers/waitFor';
import { buildActivityInput } from '../../../../test/builders/activity';
import { forumCategoryId, postReply, postTopic } from '../../../../test/builders/forum';
import { forumClock } from './clock';
import { sendForumDigests } from './notify';
import { safeSnippet } from './search';

/**
 * The forum's rules through its API, on the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * permissions (member, another institution, the bureau, the 30-minute window), sanitising, votes, search,
 * keyset paging, moderation, mail and the agenda link.
 */
let t: TestApp;
let author: Session;
let authorId: string;
let other: Session;
let committee: Session;
let admin: Session;
let agamId: string;

beforeAll(async () => {
  t = await createTestApp();
  const agam = await buildInstitution(t, { name: 'Dinas Kominfo Kabupaten Agam' });
  const padang = await buildInstitution(t, { name: 'Bagian Humas Kota Padang' });
  agamId = agam.id;
  const a = await sessionFor(t, 'member', { institutionId: agam.id });
  author = a.session;
  authorId = a.user.id;
  other = (await sessionFor(t, 'member', { institutionId: padang.id })).session;
  committee = (await sessionFor(t, 'committee')).session;
  admin = (await sessionFor(t, 'admin')).session;
});
afterAll(() => t?.close());
afterEach(() => {
  forumClock.now = () => new Date();
});

const later = (minutes: number) => {
  const at = Date.now() + minutes * 60_000;
  forumClock.now = () => new Date(at);
};

describe('permissions', () => {
  it('shows topics to signed-in users only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/forum/topics' });
    expect(res.statusCode).toBe(401);
  });

  it('lets the author edit for 30 minutes, never another member; the bureau always', async () => {
    const topic = await postTopic(t, author, { title: 'Permintaan wawancara mendadak dari televisi' });
    expect(topic.institution).toMatchObject({ id: agamId });
    expect(topic.can).toMatchObject({ edit: true, hide: false });
    expect(typeof topic.editableUntil).toBe('string');

    const byOther = await other.request('PATCH', `/api/forum/topics/${topic.id}`, { version: topic.version, title: 'Diubah orang lain' });
    expect(byOther.statusCode).toBe(403);
    const otherView = (await other.request('GET', `/api/forum/topics/${topic.id}`)).json();
    expect(otherView.can.edit).toBe(false);

    later(29);
    const own = await author.request('PATCH', `/api/forum/topics/${topic.id}`, {
      version: topic.version,
      title: 'Permintaan wawancara mendadak (diperbarui)',
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().editedAt).not.toBeNull();

    later(31);
    const late = await author.request('PATCH', `/api/forum/topics/${topic.id}`, { version: own.json().version, title: 'Terlambat diubah' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/30 menit/);
    expect((await author.request('GET', `/api/forum/topics/${topic.id}`)).json().can.edit).toBe(false);

    const bureau = await committee.request('PATCH', `/api/forum/topics/${topic.id}`, {
      version: own.json().version,
      title: 'Dirapikan oleh biro',
    });
    expect(bureau.statusCode, bureau.body).toBe(200);
    expect(bureau.json().editableUntil).toBeNull();

    const stale = await committee.request('PATCH', `/api/forum/topics/${topic.id}`, { version: own.json().version, title: 'Versi lama' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.currentVersion).toBe(bureau.json().version);
  });

  it('applies the window to replies too', async () => {
    const topic = await postTopic(t, author);
    const reply = await postReply(other, topic.id);
    expect(
      (await author.request('PATCH', `/api/forum/replies/${reply.id}`, { version: reply.version, bodyHtml: '<p>x</p>' })).statusCode,
    ).toBe(403);
    later(31);
    const late = await other.request('PATCH', `/api/forum/replies/${reply.id}`, { version: reply.version, bodyHtml: '<p>Tambahan</p>' });
    expect(late.statusCode).toBe(409);
    const bureau = await admin.request('PATCH', `/api/forum/replies/${reply.id}`, { version: reply.version, bodyHtml: '<p>Dirapikan</p>' });
    expect(bureau.statusCode, bureau.body).toBe(200);
  });

  it('lets only the topic author or the bureau accept a solution', async () => {
    const topic = await postTopic(t, author);
    const reply = await postReply(other, topic.id, '<p>Gunakan <em>holding statement</em> dulu.</p>');
    expect(
      (await other.request('PUT', `/api/forum/topics/${topic.id}/solution`, { version: topic.version, replyId: reply.id })).statusCode,
    ).toBe(403);
    const ok = await author.request('PUT', `/api/forum/topics/${topic.id}/solution`, { version: topic.version, replyId: reply.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'answered', hasSolution: true, solution: { id: reply.id, isSolution: true } });
    const withdrawn = await committee.request('DELETE', `/api/forum/topics/${topic.id}/solution?version=${ok.json().version}`);
    expect(withdrawn.json()).toMatchObject({ status: 'open', solution: null });
    const closed = await author.request('POST', `/api/forum/topics/${topic.id}/status`, {
      version: withdrawn.json().version,
      status: 'closed',
    });
    expect(closed.json().status).toBe('closed');
  });

  it('keeps moderation and categories to the bureau and administrators', async () => {
    const topic = await postTopic(t, author);
    for (const [path, body] of [
      ['hide', { version: topic.version, reason: 'Melanggar aturan forum' }],
      ['lock', { version: topic.version, locked: true }],
      ['move', { version: topic.version, categoryId: await forumCategoryId(t, 'Lainnya') }],
    ] as const) {
      expect((await author.request('POST', `/api/forum/topics/${topic.id}/${path}`, body)).statusCode, path).toBe(403);
    }
    expect((await author.request('GET', '/api/forum/overview')).statusCode).toBe(403);
    expect((await committee.request('GET', '/api/forum/overview')).statusCode).toBe(200);
    expect((await committee.request('POST', '/api/forum/categories', { name: 'Kategori biro' })).statusCode).toBe(403);
    const created = await admin.request('POST', '/api/forum/categories', { name: 'Humas digital' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin.request('POST', '/api/forum/categories', { name: 'humas DIGITAL' })).statusCode).toBe(409);
    const off = await admin.request('PATCH', `/api/forum/categories/${created.json().id}`, { version: 1, active: false });
    expect(off.json().active).toBe(false);
    const refused = await author.request('POST', '/api/forum/topics', {
      type: 'information',
      categoryId: created.json().id,
      title: 'Topik di kategori nonaktif',
      bodyHtml: '<p>isi</p>',
    });
    expect(refused.statusCode).toBe(409);
  });

  it('hides a topic from members (audited with its reason) and refuses replies and votes on hidden or locked topics', async () => {
    const topic = await postTopic(t, author, { title: 'Topik yang akan disembunyikan' });
    const hidden = await committee.request('POST', `/api/forum/topics/${topic.id}/hide`, {
      version: topic.version,
      reason: 'Berisi data pribadi warga',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().hidden).toMatchObject({ reason: 'Berisi data pribadi warga' });
    expect((await other.request('GET', `/api/forum/topics/${topic.id}`)).statusCode).toBe(404);
    expect((await other.request('POST', `/api/forum/topics/${topic.id}/replies`, { bodyHtml: '<p>Halo</p>' })).statusCode).toBe(404);
    const list = (await other.request('GET', '/api/forum/topics?limit=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(topic.id);
    expect((await committee.request('POST', `/api/forum/topics/${topic.id}/replies`, { bodyHtml: '<p>Halo</p>' })).statusCode).toBe(409);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'forumTopic.hide'), eq(auditLog.entityId, topic.id)));
    expect(row?.after).toMatchObject({ reason: 'Berisi data pribadi warga' });

    const locked = await postTopic(t, author, { title: 'Topik yang akan dikunci' });
    const lock = await committee.request('POST', `/api/forum/topics/${locked.id}/lock`, { version: locked.version, locked: true });
    expect(lock.json().can).toMatchObject({ reply: false, vote: false });
    const reply = await other.request('POST', `/api/forum/topics/${locked.id}/replies`, { bodyHtml: '<p>Halo</p>' });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.message).toMatch(/dikunci/);
    expect((await other.request('POST', `/api/forum/topics/${locked.id}/vote`)).statusCode).toBe(409);
    expect(
      (await author.request('PATCH', `/api/forum/topics/${locked.id}`, { version: lock.json().version, title: 'Ubah saat terkunci' }))
        .statusCode,
    ).toBe(409);
  });

  it('shows a hidden reply as a placeholder to members and in full to the bureau', async () => {
    const topic = await postTopic(t, author);
    const reply = await postReply(other, topic.id, '<p>Nomor HP pribadi pejabat: 0812xxxx</p>');
    const res = await committee.request('POST', `/api/forum/replies/${reply.id}/hide`, { version: reply.version, reason: 'Data pribadi' });
    expect(res.statusCode, res.body).toBe(200);
    const memberView = (await author.request('GET', `/api/forum/topics/${topic.id}/replies`)).json().items[0];
    expect(memberView).toMatchObject({ bodyHtml: null, hidden: { reason: 'Data pribadi' } });
    const bureauView = (await committee.request('GET', `/api/forum/topics/${topic.id}/replies`)).json().items[0];
    expect(bureauView.bodyHtml).toContain('0812');
    expect(
      (await author.request('GET', `/api/forum/search?q=${encodeURIComponent('pejabat')}`))
        .json()
        .items.map((h: { replyId: string }) => h.replyId),
    ).not.toContain(reply.id);
  });
});

describe('sanitising and bad input', () => {
  it('keeps the safe subset and drops script, style and event attributes', async () => {
    const topic = await postTopic(t, author, {
      bodyHtml:
        '<p style="color:red" onclick="alert(1)">Halo <strong>tebal</strong> <a href="https://contoh.id" target="_blank">tautan</a></p><script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)><a href="javascript:alert(1)">jahat</a>',
    });
    const html = topic.bodyHtml as string;
    expect(html).not.toMatch(/script|style|onclick|onerror|javascript:|<img/i);
    expect(html).toContain('<strong>tebal</strong>');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
    const reply = await postReply(
      other,
      topic.id,
      '<blockquote>kutip</blockquote><ul><li>satu</li></ul><pre><code>kode</code></pre><iframe src="https://x"></iframe>',
    );
    expect(reply.bodyHtml).toBe('<blockquote>kutip</blockquote><ul><li>satu</li></ul><pre><code>kode</code></pre>');
  });

  it('refuses empty, script-only and over-long posts, leaving nothing behind', async () => {
    const categoryId = await forumCategoryId(t);
    const before = (await author.request('GET', '/api/forum/topics?limit=100')).json().items.length;
    const cases = [
      { title: 'Judul cukup', bodyHtml: '' },
      { title: 'Judul cukup', bodyHtml: '<p>   </p>' },
      { title: 'Judul cukup', bodyHtml: '<script>alert(1)</script><style>p{}</style>' },
      { title: '', bodyHtml: '<p>isi</p>' },
      { title: 'x'.repeat(201), bodyHtml: '<p>isi</p>' },
      { title: 'Judul cukup', bodyHtml: `<p>${'a'.repeat(20_001)}</p>` },
      { title: 'Judul cukup', bodyHtml: 'a'.repeat(100_001) },
    ];
    for (const c of cases) {
      const res = await author.request('POST', '/api/forum/topics', { type: 'problem', categoryId, ...c });
      expect(res.statusCode, JSON.stringify(c).slice(0, 80)).toBe(400);
      expect(res.json().error.message).toBeTruthy();
    }
    const topic = await postTopic(t, author);
    expect((await other.request('POST', `/api/forum/topics/${topic.id}/replies`, { bodyHtml: '<script>x</script>' })).statusCode).toBe(400);
    expect((await author.request('GET', '/api/forum/topics?limit=100')).json().items.length).toBe(before + 1);
  });

  it('refuses a quote from another topic and a bad cursor', async () => {
    const a = await postTopic(t, author);
    const b = await postTopic(t, author);
    const r = await postReply(other, a.id);
    const res = await other.request('POST', `/api/forum/topics/${b.id}/replies`, { bodyHtml: '<p>kutip</p>', quoteReplyId: r.id });
    expect(res.statusCode).toBe(400);
    const quoting = await postReply(author, a.id, '<p>Setuju</p>', r.id);
    expect(quoting.quote).toMatchObject({ replyId: r.id });
    for (const cursor of [
      'xyz',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["2026-01-01 00:00:00+00","nope"]').toString('base64url'),
    ]) {
      expect((await author.request('GET', `/api/forum/topics?cursor=${cursor}`)).statusCode, cursor).toBe(400);
    }
  });
});

describe('votes', () => {
  it('counts one vote per person, refuses a second and lets it be withdrawn', async () => {
    const topic = await postTopic(t, author);
    const first = await other.request('POST', `/api/forum/topics/${topic.id}/vote`);
    expect(first.json()).toEqual({ voted: true, voteCount: 1 });
    const second = await other.request('POST', `/api/forum/topics/${topic.id}/vote`);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/sudah memberi suara/);
    expect((await other.request('GET', `/api/forum/topics/${topic.id}`)).json()).toMatchObject({ voted: true, voteCount: 1 });
    expect((await other.request('DELETE', `/api/forum/topics/${topic.id}/vote`)).json()).toEqual({ voted: false, voteCount: 0 });
    expect((await other.request('DELETE', `/api/forum/topics/${topic.id}/vote`)).statusCode).toBe(409);
  });

  it('keeps two simultaneous votes of one person to one (and the database refuses a duplicate row)', async () => {
    const topic = await postTopic(t, author);
    const results = await Promise.all([
      other.request('POST', `/api/forum/topics/${topic.id}/vote`),
      other.request('POST', `/api/forum/topics/${topic.id}/vote`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [{ n }] = (await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(forumVotes)
      .where(eq(forumVotes.topicId, topic.id))) as [{ n: number }];
    expect(n).toBe(1);
    expect((await author.request('GET', `/api/forum/topics/${topic.id}`)).json().voteCount).toBe(1);
    const [vote] = await t.database.db.select().from(forumVotes).where(eq(forumVotes.topicId, topic.id));
    await expect(t.database.db.insert(forumVotes).values({ topicId: topic.id, userId: vote!.userId })).rejects.toThrow();
  });
});

describe('search', () => {
  it('ranks a title match above a mention, highlights safely, filters and pages', async () => {
    const media = await forumCategoryId(t, 'Media sosial');
    const strong = await postTopic(t, author, {
      categoryId: media,
      title: 'Klarifikasi hoaks banjir bandang di media sosial',
      bodyHtml: '<p>Unggahan hoaks tentang banjir bandang menyebar; bagaimana klarifikasi yang cepat?</p>',
    });
    const weak = await postTopic(t, other, {
      title: 'Jadwal siaran pers bulanan',
      bodyHtml: '<p>Catatan kecil: skor 5 &lt; 6 &amp;&amp; pernah ada hoaks soal banjir tahun lalu. &lt;b&gt;tebal&lt;/b&gt;</p>',
    });
    await postReply(other, strong.id, '<p>Kami membuat infografis klarifikasi banjir dalam satu jam.</p>');

    const res = await author.request('GET', `/api/forum/search?q=${encodeURIComponent('hoaks banjir')}`);
    expect(res.statusCode, res.body).toBe(200);
    const hits = res.json().items as { topicId: string; kind: string; snippet: string; rank: number }[];
    const ids = hits.filter((h) => h.kind === 'topic').map((h) => h.topicId);
    expect(ids.indexOf(strong.id)).toBeLessThan(ids.indexOf(weak.id));
    expect(ids.indexOf(weak.id)).toBeGreaterThanOrEqual(0);
    expect(hits[0]!.snippet).toMatch(/<mark>/);
    const weakHit = hits.find((h) => h.topicId === weak.id)!;
    expect(weakHit.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(weakHit.snippet).toContain('&lt;');

    const filtered = (await author.request('GET', `/api/forum/search?q=banjir&categoryId=${media}`)).json().items as { topicId: string }[];
    expect(filtered.every((h) => h.topicId === strong.id)).toBe(true);
    const byInstitution = (await author.request('GET', `/api/forum/search?q=banjir&institutionId=${agamId}`)).json().items as {
      topicId: string;
    }[];
    expect(byInstitution.map((h) => h.topicId)).not.toContain(weak.id);
    const future = (await author.request('GET', '/api/forum/search?q=banjir&from=2099-01-01')).json();
    expect(future.items).toEqual([]);

    const page1 = (await author.request('GET', '/api/forum/search?q=banjir&limit=1')).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (await author.request('GET', `/api/forum/search?q=banjir&limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].replyId ?? page2.items[0].topicId).not.toBe(page1.items[0].replyId ?? page1.items[0].topicId);
  });

  it('answers operator-only and stop-word-only queries with an empty page', async () => {
    for (const q of ['&|!:*', '!', ':*', '&&', '"', '-', 'OR', 'dan yang di']) {
      const res = await author.request('GET', `/api/forum/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json(), q).toEqual({ items: [], nextCursor: null });
    }
    expect((await author.request('GET', '/api/forum/search?q=')).statusCode).toBe(400);
    expect((await author.request('GET', `/api/forum/search?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
  });

  it('escapes everything in a snippet but its own marks', () => {
    expect(safeSnippet('a <b>\u0001kata\u0002</b> & "x"')).toBe('a &lt;b&gt;<mark>kata</mark>&lt;/b&gt; &amp; &quot;x&quot;');
    expect(safeSnippet('\u0001tanpa tutup')).toBe('<mark>tanpa tutup</mark>');
    expect(safeSnippet('\u0002<mark>')).toBe('&lt;mark&gt;');
  });
});

describe('lists', () => {
  it('pages topics by keyset without gaps or repeats, in every sort', async () => {
    const categoryId = await forumCategoryId(t, 'Protokol dan acara');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await postTopic(t, author, { categoryId, title: `Urutan protokol nomor ${i + 1}` })).id);
    for (const sort of ['activity', 'new', 'votes']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await author.request(
          'GET',
          `/api/forum/topics?categoryId=${categoryId}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...res.json().items.map((i: { id: string }) => i.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([...made].sort());
    }
  });
});

describe('follows and mail', () => {
  it('mails immediate followers in the transaction, and the unsubscribe link works without a session', async () => {
    const topic = await postTopic(t, author, { title: 'Topik yang diikuti penulisnya' });
    const reply = await postReply(other, topic.id, '<p>Balasan yang memicu e-mail</p>');
    const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.entityId, reply.id));
    expect(row?.subject).toMatch(/Balasan baru/);
    // The sent body is erased from the log (it holds a link); the delivered copy has it.
    const mail = await waitFor(() => t.outbox.find((m) => m.text.includes('Balasan yang memicu e-mail')), 20_000, 'reply mail');
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const res = await t.app.inject({ method: 'POST', url: '/api/forum/unsubscribe', payload: { token } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().description).toMatch(/tidak lagi mengikuti topik/);
    expect((await author.request('GET', `/api/forum/topics/${topic.id}`)).json().following).toBeNull();
    // The link named that follow; with it gone the link is spent.
    const again = await t.app.inject({ method: 'POST', url: '/api/forum/unsubscribe', payload: { token } });
    expect(again.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/forum/unsubscribe', payload: { token: 'palsu' } })).statusCode).toBe(404);
  });

  it('collects digest followers’ news into one morning mail', async () => {
    const { user, session } = await sessionFor(t, 'member', { institutionId: agamId });
    const categoryId = await forumCategoryId(t, 'Kompetensi pranata humas');
    const follow = await session.request('PUT', `/api/forum/categories/${categoryId}/follow`, { mode: 'digest' });
    expect(follow.json()).toEqual({ following: 'digest' });
    const topic = await postTopic(t, author, { categoryId, title: 'Pelatihan jabatan fungsional pranata humas' });
    await session.request('PUT', `/api/forum/topics/${topic.id}/follow`, { mode: 'digest' });
    await postReply(other, topic.id, '<p>Ada diklat di Jakarta bulan depan.</p>');
    later(1);
    const { mails } = await sendForumDigests({ db: t.database.db, config: t.config });
    expect(mails).toBeGreaterThanOrEqual(1);
    const mail = await waitFor(() => t.outbox.find((m) => m.to === user.email), 20_000, 'digest mail');
    expect(mail.text).toMatch(/Pelatihan jabatan fungsional/);
    expect(mail.text).toMatch(/1 balasan baru/);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const res = await t.app.inject({ method: 'POST', url: '/api/forum/unsubscribe', payload: { token } });
    expect(res.json().description).toMatch(/ringkasan harian/);
    const left = await t.database.db.select().from(forumFollows).where(eq(forumFollows.userId, user.id));
    expect(left).toEqual([]);
    expect((await sendForumDigests({ db: t.database.db, config: t.config })).mails).toBe(0);
  });
});

describe('moderation, agenda, attachments', () => {
  it('merges a duplicate: replies move, votes add up once per person', async () => {
    const target = await postTopic(t, author, { title: 'Standar siaran pers daerah' });
    const dup = await postTopic(t, other, { title: 'Format siaran pers daerah (duplikat)' });
    await postReply(author, dup.id, '<p>Balasan di duplikat</p>');
    await other.request('POST', `/api/forum/topics/${target.id}/vote`);
    await other.request('POST', `/api/forum/topics/${dup.id}/vote`);
    await committee.request('POST', `/api/forum/topics/${dup.id}/vote`);
    const res = await committee.request('POST', `/api/forum/topics/${dup.id}/merge`, { version: dup.version, intoTopicId: target.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, voteCount: 2, replyCount: 1 });
    const source = (await author.request('GET', `/api/forum/topics/${dup.id}`)).json();
    expect(source).toMatchObject({ locked: true, mergedInto: { id: target.id } });
    expect((await author.request('POST', `/api/forum/topics/${dup.id}/replies`, { bodyHtml: '<p>x</p>' })).statusCode).toBe(409);
    expect(
      (await committee.request('POST', `/api/forum/topics/${target.id}/merge`, { version: res.json().version, intoTopicId: target.id }))
        .statusCode,
    ).toBe(409);
  });

  it('puts the most voted topics on a meeting agenda session in one action', async () => {
    const a = await committee.request('POST', '/api/activities', buildActivityInput({ fiscalYear: 2027 }));
    expect(a.statusCode, a.body).toBe(201);
    const m = await committee.request('POST', '/api/meetings', {
      activityId: a.json().id,
      title: 'Rapat Koordinasi Kehumasan 2027',
      startDate: '2027-03-11',
      startTime: '08:30',
      endTime: '12:00',
      venue: 'Aula Kantor Gubernur',
    });
    expect(m.statusCode, m.body).toBe(201);
    const s = await committee.request('POST', `/api/meetings/${m.json().id}/agenda`, {
      version: m.json().version,
      startTime: '09:00',
      endTime: '10:00',
      title: 'Diskusi permasalahan humas daerah',
    });
    expect(s.statusCode, s.body).toBe(201);
    const topic = await postTopic(t, author, { title: 'Koordinasi rilis bencana antar daerah' });
    await other.request('POST', `/api/forum/topics/${topic.id}/vote`);
    const candidates = (await committee.request('GET', '/api/forum/agenda-candidates?limit=50')).json().topics as { id: string }[];
    expect(candidates.map((c) => c.id)).toContain(topic.id);
    expect(
      (
        await author.request('POST', '/api/forum/agenda', {
          meetingId: m.json().id,
          sessionId: s.json().id,
          meetingVersion: s.json().meetingVersion,
          topicIds: [topic.id],
        })
      ).statusCode,
    ).toBe(403);
    const res = await committee.request('POST', '/api/forum/agenda', {
      meetingId: m.json().id,
      sessionId: s.json().id,
      meetingVersion: s.json().meetingVersion,
      topicIds: [topic.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().linked).toEqual([{ topicId: topic.id, title: 'Koordinasi rilis bencana antar daerah' }]);
    const view = (await author.request('GET', `/api/forum/topics/${topic.id}`)).json();
    expect(view.status).toBe('in_meeting');
    expect(view.meeting.label).toBe('dibahas pada Rapat Koordinasi Kehumasan 2027, sesi Diskusi permasalahan humas daerah');
    expect(view.resolutionId).toBeNull();
    const meeting = (await committee.request('GET', `/api/meetings/${m.json().id}`)).json();
    expect(JSON.stringify(meeting.agenda)).toContain('Forum: Koordinasi rilis bencana antar daerah');
    const stale = await committee.request('POST', '/api/forum/agenda', {
      meetingId: m.json().id,
      sessionId: s.json().id,
      meetingVersion: s.json().meetingVersion,
      topicIds: [topic.id],
    });
    expect(stale.statusCode).toBe(409);
  });

  it('takes attachments checked by content and serves them to those who see the post', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const form = await multipart({}, { name: 'bagan.png', content: png, type: 'image/png' });
    const up = await author.request('POST', '/api/forum/attachments', form.payload, form.headers);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ mimeType: 'image/png', name: 'bagan.png' });
    const fake = await multipart({}, { name: 'laporan.pdf', content: '<script>alert(1)</script>', type: 'application/pdf' });
    const bad = await author.request('POST', '/api/forum/attachments', fake.payload, fake.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.file).toBeTruthy();
    expect((await other.request('GET', `/api/forum/attachments/${up.json().id}`)).statusCode).toBe(404);
    const stolen = await other.request('POST', '/api/forum/topics', {
      type: 'problem',
      categoryId: await forumCategoryId(t),
      title: 'Mencoba memakai lampiran orang lain',
      bodyHtml: '<p>isi</p>',
      attachmentIds: [up.json().id],
    });
    expect(stolen.statusCode).toBe(400);
    const topic = await author.request('POST', '/api/forum/topics', {
      type: 'information',
      categoryId: await forumCategoryId(t),
      title: 'Bagan alur klarifikasi',
      bodyHtml: '<p>Terlampir bagan alurnya.</p>',
      attachmentIds: [up.json().id],
    });
    expect(topic.statusCode, topic.body).toBe(201);
    expect(topic.json().attachments).toHaveLength(1);
    const file = await other.request('GET', `/api/forum/attachments/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('answers the bureau overview', async () => {
    const res = await committee.request('GET', '/api/forum/overview');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.openByCategory.length).toBeGreaterThanOrEqual(8);
    expect(o.activeInstitutions.some((i: { institutionId: string }) => i.institutionId === agamId)).toBe(true);
    expect(o.mostVoted.length).toBeGreaterThan(0);
    expect(authorId).toBeTruthy();
  });
});
