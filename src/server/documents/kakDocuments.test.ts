import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reference2019, reference2019Corrections } from '../seed/reference2019';
import { defaultOrganisationSettings } from '../../shared/schemas/settings';
import { spellRupiah } from '../../shared/money';
import { kakFileBaseName, type KakActivity } from './kakContent';
import { renderKakDocx } from './kakDocx';
import { renderKakPdf } from './kakPdf';
import { docxParagraphs, missingInOrder, normalise, pdfInfo, pdfPages, referenceItems } from '../../../test/helpers/documents';

const fixture = resolve('test/fixtures/kak-koordinasi-kehumasan-2019.txt');
const logo = readFileSync(resolve('test/fixtures/logo-contoh.png'));
const settings = { ...defaultOrganisationSettings, logo };
const demo: KakActivity = reference2019;
// The documents add the amount in words after the figure; the reference has only the figure.
const terbilang = ` (${spellRupiah(reference2019.kak.funding.total)})`;

/**
 * Typos of the reference corrected in the demo data (reference2019Corrections), checked here in their corrected form:
 * infomasi -> informasi, Adapaun -> Adapun, Tribwulan -> Triwulan, penyelenggaraaan -> penyelenggaraan.
 */
const items = referenceItems(fixture, reference2019Corrections);

let docx: Buffer;
let pdf: Buffer;
beforeAll(async () => {
  [docx, pdf] = await Promise.all([renderKakDocx(demo, settings), renderKakPdf(demo, settings)]);
});

describe('the reference KAK as a checklist', () => {
  it('has the reference paragraphs, list items and table cells, with the typos corrected', () => {
    expect(Object.keys(reference2019Corrections).sort()).toEqual(['Adapaun', 'Tribwulan', 'infomasi', 'penyelenggaraaan']);
    expect(items[0]).toBe('KERANGKA ACUAN KERJA');
    expect(items).toContain('Adapun jadwal kegiatan sebagai berikut :');
    expect(items).toContain('Triwulan III');
    expect(items).toContain('Padang, Januari 2019');
    expect(items.join('\n')).not.toMatch(/_GoBack|infomasi|Adapaun|Tribwulan|penyelenggaraaan|\t/);
    expect(items.length).toBeGreaterThan(50);
  });
});

describe('KAK as Word (DOCX)', () => {
  it('holds every paragraph, list item and table cell of the reference, in order', async () => {
    const text = (await docxParagraphs(docx)).join('\n');
    expect(text).toContain(`Rp. 48.357.960,-${terbilang} melalui APBD`);
    expect(missingInOrder(text.replace(terbilang, ''), items)).toEqual([]);
  });

  it('has the letterhead, the signature with the formatted NIP, and page numbers in the footer', async () => {
    const paragraphs = await docxParagraphs(docx);
    expect(paragraphs.slice(0, 5)).toEqual([
      'PEMERINTAH PROVINSI SUMATERA BARAT',
      'SEKRETARIAT DAERAH',
      'BIRO ADMINISTRASI PIMPINAN',
      'Jalan Jenderal Sudirman No. 51 Padang 25121, Telp. (0751) 31401',
      'E-mail: humas@sumbarprov.go.id, Website: www.sumbarprov.go.id',
    ]);
    expect(paragraphs.slice(-4)).toEqual([
      'Padang, Januari 2019',
      'PPTK Kegiatan / Kabag. Pengelolaan Administrasi Informasi',
      'Rina Contoh, S.Sos (fiktif)',
      'NIP. 19780101 200501 2 001',
    ]);
    const zip = await JSZip.loadAsync(docx);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    expect(await zip.file(footers[0]!)!.async('string')).toMatch(/PAGE/);
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
  });

  it('is A4 with 3 cm left and 2.5 cm other margins, in Arial', async () => {
    const zip = await JSZip.loadAsync(docx);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/<w:pgMar[^>]*w:left="1701"/);
    expect(body).toMatch(/<w:pgMar[^>]*w:top="1417"/);
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/w:ascii="Arial"/);
  });
});

describe('KAK as PDF', () => {
  it('holds every paragraph, list item and table cell of the reference, in order (words may wrap)', () => {
    const text = pdfPages(pdf).join('\n');
    expect(normalise(text)).toContain(`Rp. 48.357.960,-${terbilang} melalui APBD`);
    expect(missingInOrder(text.replace(/\s+/g, ' ').replace(terbilang, ''), items, { squeeze: true })).toEqual([]);
  });

  it('is A4, numbers its pages, and keeps section G with its table and the signature on the last page', () => {
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^595\.\d* x 841\.\d* pts \(A4\)/);
    expect(info.Title).toBe('Kerangka Acuan Kerja Kegiatan Koordinasi Kehumasan Tahun 2019');
    const raw = execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf, encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    raw.forEach((page, i) => expect(page.trim().split('\n').at(-1)).toBe(String(i + 1)));
    const last = normalise(pdfPages(pdf).at(-1)!);
    expect(last).toMatch(/^G\. PEMBIAYAAN/);
    expect(last).toContain('Rp. 46.733.000');
    expect(last).toMatch(
      /Padang, Januari 2019 PPTK Kegiatan \/ Kabag\. Pengelolaan Administrasi Informasi Rina Contoh, S\.Sos \(fiktif\) NIP\. 19780101 200501 2 001$/,
    );
    expect(pdf.includes('/Subtype /Image')).toBe(true);
  });
});

describe('options and other activities', () => {
  it('prints "Rp 48.357.960" without ",-" in the plain rupiah style, and "Rp -" for empty quarters', async () => {
    const plain = { ...defaultOrganisationSettings, rupiahStyle: 'Rp' as const };
    const text = (await docxParagraphs(await renderKakDocx(demo, plain))).join('\n');
    expect(text).toContain('sebesar Rp 48.357.960 (empat puluh delapan juta');
    expect(text).toMatch(/\nRp 46\.733\.000\nRp 1\.624\.960\nRp -\nRp -\n/);
    expect(normalise(pdfPages(await renderKakPdf(demo, plain)).join(' '))).toContain('Rp 46.733.000 Rp 1.624.960 Rp - Rp -');
  });

  it('renders a bare new activity with blanks to fill in for the signature', async () => {
    const bare: KakActivity = {
      title: 'Rapat Kerja Humas',
      fiscalYear: 2027,
      officerInCharge: { name: '', position: '', nip: '' },
      kak: {},
    };
    const text = (await docxParagraphs(await renderKakDocx(bare, defaultOrganisationSettings))).join('\n');
    expect(text).toContain('KEGIATAN RAPAT KERJA HUMAS TAHUN 2027');
    expect(text).toContain('G. PEMBIAYAAN');
    expect(text).toMatch(/\.{10,}, \.{10,} 2027\nPPTK Kegiatan\n/);
    expect(normalise(pdfPages(await renderKakPdf(bare, defaultOrganisationSettings)).join(' '))).toContain('NIP. ....');
  });

  it('repeats the table header when a long schedule runs over a page', async () => {
    const schedule = Array.from({ length: 45 }, (_, i) => ({
      step: `Tahapan kegiatan nomor ${i + 1}`,
      startMonth: 1 + (i % 12),
      endMonth: 1 + (i % 12),
    }));
    const long: KakActivity = { ...reference2019, kak: { ...reference2019.kak, schedule } };
    const pages = pdfPages(await renderKakPdf(long, defaultOrganisationSettings)).map(normalise);
    const withHeader = pages.filter((p) => p.includes('No. Kegiatan Koordinasi Kehumasan Waktu'));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    expect(
      missingInOrder(
        pages.join(' '),
        schedule.map((s, i) => `${i + 1}. ${s.step}`),
      ),
    ).toEqual([]);
  });

  it('names the file after the title and year', () => {
    expect(kakFileBaseName(reference2019)).toBe('KAK-Koordinasi-Kehumasan-2019');
    expect(kakFileBaseName({ title: 'Rapat Koordinasi: Humas & Media (Tahap II)', fiscalYear: 2026 })).toBe(
      'KAK-Rapat-Koordinasi-Humas-Media-Tahap-II-2026',
    );
    expect(kakFileBaseName({ title: 'Sosialisasi Keterbukaan Informasi Publik é', fiscalYear: 2026 })).toBe(
      'KAK-Sosialisasi-Keterbukaan-Informasi-Publik-e-2026',
    );
  });
});

describe('LibreOffice', () => {
  const lo = '/usr/bin/libreoffice';
  const present = existsSync(lo);
  (present ? it : it.skip)(
    present
      ? 'opens the DOCX and converts it to a PDF that holds the reference text'
      : 'opens the DOCX (skipped: /usr/bin/libreoffice is not installed)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'simpul-lo-'));
      try {
        writeFileSync(join(dir, 'kak.docx'), docx);
        execFileSync(
          lo,
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'kak.docx')],
          {
            stdio: 'pipe',
            timeout: 90_000,
          },
        );
        expect(readdirSync(dir)).toContain('kak.pdf');
        const converted = readFileSync(join(dir, 'kak.pdf'));
        const text = pdfPages(converted).join('\n');
        expect(text).toContain('KERANGKA ACUAN KERJA');
        expect(missingInOrder(text.replace(/\s+/g, ' ').replace(terbilang, ''), items, { squeeze: true })).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
