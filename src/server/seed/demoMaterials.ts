import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { Db } from '../db/client';
import { agendaSessions, files, sessionMaterials } from '../db/schema/index';
import { mimeTypes } from '../../shared/schemas/common';

/** A small real PDF (pdfkit): a title and paragraphs, one page each when `pageBreaks`. */
export function materialPdf(title: string, paragraphs: string[], o: { pageBreaks?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Biro Humas (demo)' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(18).text(title).moveDown();
    for (const [i, p] of paragraphs.entries()) {
      if (o.pageBreaks && i > 0) doc.addPage();
      doc.font('Helvetica').fontSize(12).text(p, { align: 'justify' }).moveDown();
    }
    doc.end();
  });
}

/** A small real Word document (docx): a heading and paragraphs. */
export function materialDocx(title: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Biro Humas (demo)',
    title,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          ...paragraphs.map((p) => new Paragraph({ spacing: { after: 160 }, children: [new TextRun(p)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

type Spec = { session: string; title: string; fileName: string; make: () => Promise<Buffer>; mime: string };

const specs: Spec[] = [
  {
    session: 'Pembukaan dan arahan',
    title: 'Sambutan Kepala Biro Humas',
    fileName: 'Sambutan Kepala Biro Humas.pdf',
    mime: mimeTypes.pdf,
    make: () =>
      materialPdf('Sambutan Kepala Biro Humas (fiktif)', [
        'Rapat Koordinasi Kehumasan Provinsi Sumatera Barat 2019 menjadi wadah koordinasi humas pemerintah kabupaten/kota, instansi vertikal, perguruan tinggi, BUMN dan BUMD.',
        'Kami mengajak seluruh peserta berbagi informasi, kendala dan solusi dalam penyebarluasan informasi kebijakan dan program pemerintah.',
      ]),
  },
  {
    session: 'Isu kehumasan terkini',
    title: 'Paparan: Isu kehumasan terkini',
    fileName: 'Paparan Isu Kehumasan Terkini.pdf',
    mime: mimeTypes.pdf,
    make: () =>
      materialPdf(
        'Isu Kehumasan Terkini (paparan fiktif)',
        [
          'Lanskap media 2019: media sosial menjadi sumber informasi utama masyarakat; kecepatan respons humas pemerintah menentukan kepercayaan publik.',
          'Tantangan: keterbatasan SDM Pranata Humas, koordinasi antarinstansi, dan konsistensi pesan kebijakan.',
          'Rekomendasi: jejaring pejabat humas penghubung, kalender konten bersama, dan pelaporan penyebarluasan siaran pers.',
        ],
        { pageBreaks: true },
      ),
  },
  {
    session: 'Strategi komunikasi publik dan penanganan hoaks',
    title: 'Makalah: Strategi komunikasi publik dan penanganan hoaks',
    fileName: 'Makalah Penanganan Hoaks.docx',
    mime: mimeTypes.docx,
    make: () =>
      materialDocx('Strategi Komunikasi Publik dan Penanganan Hoaks (makalah fiktif)', [
        'Hoaks menyebar lebih cepat daripada klarifikasi. Humas pemerintah perlu prosedur verifikasi dan klarifikasi dalam 1x24 jam.',
        'Langkah: pantau isu, verifikasi ke OPD teknis, terbitkan klarifikasi di kanal resmi, dan sebarluaskan melalui jejaring humas anggota.',
        'Evaluasi: catat waktu respons dan jangkauan klarifikasi sebagai indikator kinerja penyebarluasan informasi.',
      ]),
  },
];

/** A few real PDF/DOCX materials on the 2019 demo meeting's sessions. Idempotent (skipped once the meeting has any). */
export async function seedDemoMaterials(db: Db, meetingId: string): Promise<{ created: boolean }> {
  const [existing] = await db
    .select({ id: sessionMaterials.id })
    .from(sessionMaterials)
    .where(eq(sessionMaterials.meetingId, meetingId))
    .limit(1);
  if (existing) return { created: false };
  const sessions = await db
    .select()
    .from(agendaSessions)
    .where(eq(agendaSessions.meetingId, meetingId))
    .orderBy(asc(agendaSessions.position));
  const made = await Promise.all(specs.map(async (s) => ({ ...s, bytes: await s.make() })));
  return db.transaction(async (tx) => {
    let created = false;
    for (const s of made) {
      const session = sessions.find((x) => x.title === s.session);
      if (!session) continue;
      const [file] = await tx
        .insert(files)
        .values({
          name: s.fileName,
          mime: s.mime,
          size: s.bytes.length,
          sha256: createHash('sha256').update(s.bytes).digest('hex'),
          content: s.bytes,
        })
        .returning({ id: files.id });
      await tx
        .insert(sessionMaterials)
        .values({ meetingId, sessionId: session.id, title: s.title, fileId: file!.id, fileName: s.fileName });
      created = true;
    }
    return { created };
  });
}
