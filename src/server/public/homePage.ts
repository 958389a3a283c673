import { html, safeExternalUrl, type SafeHtml } from './html';
import { publicLayout } from './layout';
import type { MemberGroup, PublicMember } from './members';
import { categoryLabel, forumNameId, texts, type PublicLang } from './texts';
import { displayPhone } from '../../shared/phoneDisplay';

function memberItem(member: PublicMember, lang: PublicLang): SafeHtml {
  const url = safeExternalUrl(member.website);
  const shortName = member.shortName && member.shortName !== member.name ? html` <abbr class="short">(${member.shortName})</abbr>` : null;
  const site = url
    ? html` <a class="site" href="${url.href}" rel="noopener" aria-label="${texts[lang].websiteOf(member.name)}">${url.host}</a>`
    : null;
  const phone = displayPhone(member.phone);
  const tel = phone?.telUri
    ? html` <span class="phone"><a href="${phone.telUri}" aria-label="${texts[lang].phoneOf(member.name)}">${phone.international}</a>${
        phone.whatsappUrl
          ? html` <a class="wa" href="${phone.whatsappUrl}" rel="noopener" aria-label="${texts[lang].whatsappOf(member.name)}">WhatsApp</a>`
          : null
      }</span>`
    : null;
  return html`<li><span class="name">${member.name}</span>${shortName}${site}${tel}</li>`;
}

function memberGroup(group: MemberGroup, lang: PublicLang): SafeHtml {
  const id = `kategori-${group.category.replace(/_/g, '-')}`;
  return html`<section class="category" id="${id}" aria-labelledby="${id}-judul">
<h2 id="${id}-judul">${categoryLabel(group.category, lang)} <span class="count">${texts[lang].count(group.members.length)}</span></h2>
<ul class="members"${lang === 'en' ? html` lang="id"` : null}>
${group.members.map((m) => memberItem(m, lang))}
</ul>
</section>
`;
}

/** The forum's introduction (name, purpose, three aims): the top of the portal's home page. */
export function renderIntro(lang: PublicLang): SafeHtml {
  const t = texts[lang];
  return html`<section id="tentang" class="intro" aria-labelledby="judul">
<div class="wrap">
<h1 id="judul">${t.forumName}</h1>
${lang === 'en' ? html`<p class="official-name" lang="id">${forumNameId}</p>` : null}
<p class="lead">${t.description}</p>
<h2 class="purposes-title">${t.purposesTitle}</h2>
<ol class="purposes">
${t.purposes.map((p) => html`<li><strong>${p.title}</strong><span>${p.text}</span></li>`)}
</ol>
</div>
</section>`;
}

/** The member list (/anggota): active member institutions grouped by category. */
export function renderMembersPage(opts: { lang: PublicLang; groups: MemberGroup[]; baseUrl?: string; now?: Date }): string {
  const { lang, groups } = opts;
  const t = texts[lang];
  const total = groups.reduce((n, g) => n + g.members.length, 0);
  const main = html`<section id="anggota" class="members-section" aria-labelledby="anggota-judul">
<div class="wrap">
<h1 id="anggota-judul">${t.membersTitle}</h1>
<p>${total > 0 ? t.membersSummary(total, groups.length) : t.noMembers}</p>
${groups.map((g) => memberGroup(g, lang))}
</div>
</section>`;
  return publicLayout({
    lang,
    title: `${t.membersTitle} · ${t.forumName}`,
    description: t.description,
    main,
    now: opts.now,
    path: '/anggota',
    baseUrl: opts.baseUrl,
    bilingual: true,
  }).value;
}
