import { html, raw, type SafeHtml } from '../../public/html';
import { favicon } from '../../public/layout';
import { formatMeetingDate } from '../../../shared/meetingDates';
import { formatInstantId } from '../../../shared/dates';
import type { verifyCertificate } from './certificates';

type Found = NonNullable<Awaited<ReturnType<typeof verifyCertificate>>>;

// A small self-contained page (no script); the CSP allows inline styles only.
const style = raw(`<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a;line-height:1.5}
main{max-width:560px;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1.5rem}
h1{font-size:1.4rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0}
dt{color:#444;font-weight:600}dd{margin:0}
.ok{color:#0b6b3a;font-weight:700}.bad{color:#a30000;font-weight:700}
footer{color:#555;font-size:.85rem;margin-top:1rem}
</style>`);

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="icon" type="image/svg+xml" href="${favicon.href}">
${style}
</head>
<body>
<main id="isi">
<div class="card">
${body}
</div>
<footer>Verifikasi sertifikat Simpul · Biro Humas</footer>
</main>
</body>
</html>
`.toString();
}

/** The public verification page: name, event, role and date only; a revoked certificate says so. */
export function verifyPage(c: Found): string {
  const status = c.revokedAt
    ? html`<p class="bad">Sertifikat ini telah DICABUT (${formatInstantId(c.revokedAt)}) dan tidak berlaku.</p>`
    : html`<p class="ok">Sertifikat ini sah dan tercatat di Simpul.</p>`;
  return page(
    `Verifikasi sertifikat ${c.number}`,
    html`<h1>Verifikasi sertifikat</h1>
${status}
<dl>
<dt>Nomor</dt><dd>${c.number}</dd>
<dt>Nama</dt><dd>${c.name}</dd>
<dt>Kegiatan</dt><dd>${c.title}</dd>
<dt>Peran</dt><dd>${c.roleLabel}</dd>
<dt>Tanggal</dt><dd>${formatMeetingDate(c.startDate, c.endDate)}</dd>
</dl>`,
  );
}

export function verifyNotFoundPage(): string {
  return page(
    'Sertifikat tidak ditemukan',
    html`<h1>Sertifikat tidak ditemukan</h1>
<p class="bad">Tautan verifikasi ini tidak dikenal: sertifikat ini tidak diterbitkan melalui Simpul, atau tautannya salah salin. Periksa kembali kode QR pada sertifikat.</p>`,
  );
}
