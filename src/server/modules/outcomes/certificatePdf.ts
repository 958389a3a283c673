import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { imageSize } from '../../documents/letterhead';
import { mmToPt } from '../../documents/layout';
import type { Letterhead } from '../../documents/model';
import { formatNip } from '../../documents/nip';

export type CertificateContent = {
  number: string;
  name: string;
  institutionName: string | null;
  roleLabel: string;
  eventTitle: string;
  dateText: string;
  venue: string;
  place: string;
  signDate: string;
  signer: { name: string; position: string; rank?: string | null; nip?: string | null } | null;
  verifyUrl: string;
};

/**
 * A certificate on one landscape A4 page: the letterhead (kop) with the logo, "SERTIFIKAT" and its number, the
 * person's name, institution and role, the event with date and place, the signing official, and a QR code of the
 * public verification link (with the link printed under it).
 */
export async function renderCertificatePdf(c: CertificateContent, letterhead: Letterhead): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: mmToPt(15),
    info: { Title: `Sertifikat ${c.number}`, Subject: c.eventTitle, Author: 'Simpul', Creator: 'Simpul' },
    lang: 'id-ID',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const W = doc.page.width;
  const H = doc.page.height;
  const left = mmToPt(20);
  const width = W - 2 * left;
  // Frame
  doc
    .save()
    .lineWidth(3)
    .strokeColor('#1f4e79')
    .rect(mmToPt(8), mmToPt(8), W - mmToPt(16), H - mmToPt(16))
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(mmToPt(10), mmToPt(10), W - mmToPt(20), H - mmToPt(20))
    .stroke()
    .restore();
  // Letterhead
  const top = mmToPt(16);
  const logoPt = mmToPt(22);
  const textX = left + (letterhead.logo ? logoPt + mmToPt(4) : 0);
  const textW = left + width - textX - (letterhead.logo ? logoPt + mmToPt(4) : 0);
  doc.y = top;
  for (const line of letterhead.lines) {
    doc
      .font(line.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(Math.min(line.sizePt, line.bold ? 14 : 9))
      .text(line.text, textX, doc.y, { width: textW, align: 'center' });
  }
  let ruleY = doc.y + mmToPt(2);
  if (letterhead.logo) {
    const size = imageSize(letterhead.logo) ?? { width: 1, height: 1 };
    const scale = logoPt / Math.max(size.width, size.height);
    doc.image(Buffer.from(letterhead.logo), left, top, { width: size.width * scale, height: size.height * scale });
    ruleY = Math.max(ruleY, top + size.height * scale + mmToPt(2));
  }
  doc
    .save()
    .lineWidth(2)
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .stroke();
  doc
    .lineWidth(0.6)
    .moveTo(left, ruleY + 3)
    .lineTo(left + width, ruleY + 3)
    .stroke()
    .restore();
  // Body
  doc.y = ruleY + mmToPt(8);
  doc
    .fillColor('#1f4e79')
    .font('Helvetica-Bold')
    .fontSize(30)
    .text('SERTIFIKAT', left, doc.y, { width, align: 'center', characterSpacing: 4 });
  doc.fillColor('black').font('Helvetica').fontSize(11).text(`Nomor: ${c.number}`, { width, align: 'center' });
  doc.moveDown(1.2).fontSize(12).text('diberikan kepada', { width, align: 'center' });
  doc
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .fontSize(c.name.length > 40 ? 20 : 24)
    .text(c.name, { width, align: 'center' });
  if (c.institutionName) doc.font('Helvetica').fontSize(12).text(c.institutionName, { width, align: 'center' });
  doc.moveDown(0.8).font('Helvetica').fontSize(12).text('atas partisipasinya sebagai', { width, align: 'center' });
  doc.font('Helvetica-Bold').fontSize(16).text(c.roleLabel.toUpperCase(), { width, align: 'center' });
  doc.moveDown(0.6).font('Helvetica').fontSize(12).text(`dalam ${c.eventTitle}`, { width, align: 'center' });
  doc.text(`pada ${c.dateText} di ${c.venue}`, { width, align: 'center' });
  // Signature (right) and QR (left) at the foot
  const footY = H - mmToPt(62);
  const sigW = mmToPt(95);
  const sigX = left + width - sigW;
  doc.font('Helvetica').fontSize(11).text(`${c.place}, ${c.signDate}`, sigX, footY, { width: sigW, align: 'center' });
  doc.text(c.signer?.position ?? '....................................', { width: sigW, align: 'center' });
  doc.moveDown(3);
  doc
    .font('Helvetica-Bold')
    .text(c.signer?.name ?? '(....................................)', { width: sigW, align: 'center', underline: true });
  const nip = [c.signer?.rank, c.signer?.nip ? `NIP. ${formatNip(c.signer.nip)}` : null].filter(Boolean).join(' / ');
  if (nip) doc.font('Helvetica').text(nip, { width: sigW, align: 'center' });
  const qrPt = mmToPt(32);
  const png = await QRCode.toBuffer(c.verifyUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
  doc.image(png, left, footY, { width: qrPt, height: qrPt });
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor('#333333')
    .text('Pindai untuk memeriksa keaslian sertifikat ini:', left, footY + qrPt + 3, { width: mmToPt(90) });
  doc.text(c.verifyUrl, { width: mmToPt(110), link: c.verifyUrl });
  doc.end();
  return done;
}
