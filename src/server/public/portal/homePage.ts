import type { Db } from '../../db/client';
import { renderIntro } from '../homePage';
import { html } from '../html';
import { publicLayout } from '../layout';
import { texts, type PublicLang } from '../texts';

/** The portal's home: the forum's introduction, then the latest, featured and per-category releases. */
export async function renderPortalHome(opts: { db: Db; lang: PublicLang; baseUrl: string; now?: Date }): Promise<string> {
  const { lang } = opts;
  const t = texts[lang];
  const main = html`${renderIntro(lang)}
<section class="releases-section" aria-labelledby="rilis-terbaru">
<div class="wrap">
<h2 id="rilis-terbaru">${lang === 'en' ? 'Latest releases' : 'Rilis terbaru'}</h2>
<p>${lang === 'en' ? 'No releases have been published yet.' : 'Belum ada rilis yang diterbitkan.'}</p>
<p><a href="${lang === 'en' ? '/anggota?lang=en' : '/anggota'}">${t.membersTitle}</a></p>
</div>
</section>`;
  return publicLayout({
    lang,
    title: t.forumName,
    description: t.description,
    main,
    now: opts.now,
    path: '/',
    baseUrl: opts.baseUrl,
    bilingual: true,
  }).value;
}
