import PDFDocument from 'pdfkit';
import { imageSize, letterheadTextWidthMm } from './letterhead';
import { indent, letterheadGeometry, mmToPt, page, signature, textWidthMm, type } from './layout';
import type { Block, DocumentModel, Letterhead, Run } from './model';

/**
 * Draws a document model as a PDF with pdfkit's built-in Helvetica (Arial's metrics; no font files needed).
 * Paragraphs flow over pages by themselves; headings, table rows, kept blocks and the signature are
 * measured first and moved to the next page when they would be cut.
 */

type Doc = InstanceType<typeof PDFDocument>;
const fonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', boldItalic: 'Helvetica-BoldOblique' };
const fontOf = (r: Pick<Run, 'bold' | 'italic'>) =>
  r.bold ? (r.italic ? fonts.boldItalic : fonts.bold) : r.italic ? fonts.italic : fonts.regular;

const left = mmToPt(page.margin.leftMm);
const width = mmToPt(textWidthMm);
const sectionX = left + mmToPt(indent.sectionMm);
const listX = left + mmToPt(indent.listMm);
const cellPad = 4;
/** The colour of the draft mark (as in the Word file). */
const draftColor = '#C00000';

class Writer {
  readonly bottom: number;
  readonly gap: number;
  constructor(readonly doc: Doc) {
    this.bottom = doc.page.height - doc.page.margins.bottom;
    doc.font(fonts.regular).fontSize(type.bodyPt);
    // Line gap that turns single spacing into the layout's 1.5 lines.
    this.gap = doc.currentLineHeight(true) * (type.lineSpacing - 1);
  }

  get lineHeight() {
    return this.doc.font(fonts.regular).fontSize(type.bodyPt).currentLineHeight(true) + this.gap;
  }

  /** Starts a new page when `height` points no longer fit below the cursor. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  runs(list: Run[], x: number, w: number, opts: { indent?: number; align?: 'left' | 'justify' | 'center' } = {}) {
    const doc = this.doc.fontSize(type.bodyPt);
    list.forEach((r, i) => {
      doc.font(fontOf(r));
      const o = {
        width: w,
        lineGap: this.gap,
        align: opts.align ?? 'justify',
        indent: opts.indent ?? 0,
        underline: r.underline,
        continued: i < list.length - 1,
      };
      if (i === 0) doc.text(r.text, x, doc.y, o);
      else doc.text(r.text, o);
    });
    doc.x = left;
  }

  heightOfRuns(list: Run[], w: number, indentPt = 0) {
    return this.doc
      .font(fonts.regular)
      .fontSize(type.bodyPt)
      .heightOfString(list.map((r) => r.text).join(''), { width: w, lineGap: this.gap, indent: indentPt });
  }

  letterhead(lh: Letterhead) {
    const doc = this.doc;
    const top = doc.y;
    const logoPt = mmToPt(letterheadGeometry.logoMm);
    const textW = mmToPt(letterheadTextWidthMm(!!lh.logo));
    const textX = left + width - textW;
    for (const line of lh.lines) {
      doc.font(line.bold ? fonts.bold : fonts.regular).fontSize(line.sizePt);
      doc.text(line.text, textX, doc.y, { width: textW, align: 'center' });
    }
    let ruleY = doc.y + mmToPt(letterheadGeometry.ruleGapMm);
    if (lh.logo) {
      const size = imageSize(lh.logo) ?? { width: 1, height: 1 };
      const scale = logoPt / Math.max(size.width, size.height);
      const h = size.height * scale;
      const w = size.width * scale;
      const y = top + Math.max(0, (doc.y - top - h) / 2);
      doc.image(Buffer.from(lh.logo), left + (logoPt - w) / 2, y, { width: w, height: h });
      ruleY = Math.max(ruleY, y + h + mmToPt(letterheadGeometry.ruleGapMm));
    }
    // Thick over thin rule, as on official letters.
    doc
      .save()
      .lineWidth(2.25)
      .moveTo(left, ruleY)
      .lineTo(left + width, ruleY)
      .stroke();
    doc
      .lineWidth(0.75)
      .moveTo(left, ruleY + 3)
      .lineTo(left + width, ruleY + 3)
      .stroke()
      .restore();
    doc.y = ruleY + 3 + mmToPt(6);
    doc.x = left;
  }

  /** Height a block needs on the page (only what the keep-together rules need to know). */
  measure(block: Block): number {
    const doc = this.doc;
    switch (block.kind) {
      case 'section':
        return type.sectionGapPt + this.lineHeight;
      case 'subheading':
        return this.lineHeight;
      case 'paragraph':
        return this.heightOfRuns(block.runs, left + width - sectionX, block.indent ? mmToPt(indent.firstLineMm) : 0);
      case 'list':
        return block.items.reduce(
          (h, item) =>
            h +
            this.heightOfRuns(item.runs, left + width - listX) +
            (item.notes ?? []).reduce((n, note) => n + this.heightOfRuns(note, left + width - listX), 0),
          0,
        );
      case 'table':
        return [block.header, ...block.rows].reduce((h, row) => h + this.rowHeight(block, row), 0) + this.lineHeight / 2;
      case 'signature': {
        const w = width * (1 - signature.startShare);
        const position = doc.font(fonts.regular).fontSize(type.bodyPt).heightOfString(block.position, { width: w, lineGap: this.gap });
        return mmToPt(8) + this.lineHeight * (3 + signature.signLines) + position;
      }
      case 'title':
        return block.lines.length * this.lineHeight + mmToPt(6);
      case 'signatures': {
        const w = width / Math.max(1, block.signers.length);
        doc.font(fonts.regular).fontSize(type.bodyPt);
        const tallest = Math.max(
          0,
          ...block.signers.map((s) =>
            [s.role, s.name, s.position].reduce((h, t) => h + doc.heightOfString(t || ' ', { width: w - 8, lineGap: this.gap }), 0),
          ),
        );
        return mmToPt(8) + tallest + this.lineHeight * signature.signLines;
      }
    }
  }

  rowHeight(block: Extract<Block, { kind: 'table' }>, row: string[]) {
    const doc = this.doc.fontSize(block.fontSize);
    const tableW = left + width - sectionX;
    const h =
      Math.max(
        ...row.map((text, i) => doc.font(fonts.bold).heightOfString(text, { width: block.columns[i]!.width * tableW - 2 * cellPad })),
      ) +
      2 * cellPad;
    return row === block.header ? h : Math.max(h, block.minRowHeightPt ?? 0);
  }

  table(block: Extract<Block, { kind: 'table' }>) {
    const doc = this.doc;
    const tableW = left + width - sectionX;
    const xs = block.columns.reduce<number[]>((acc, c, i) => [...acc, acc[i]! + c.width * tableW], [sectionX]);
    const drawRow = (row: string[], header: boolean) => {
      const h = this.rowHeight(block, row);
      const y = doc.y;
      row.forEach((text, i) => {
        const x = xs[i]!;
        const w = xs[i + 1]! - x;
        if (header) doc.save().rect(x, y, w, h).fill('#D9D9D9').restore();
        doc.save().lineWidth(0.5).rect(x, y, w, h).stroke().restore();
        doc.font(header ? fonts.bold : fonts.regular).fontSize(block.fontSize);
        const textH = doc.heightOfString(text, { width: w - 2 * cellPad });
        doc.text(text, x + cellPad, y + (h - textH) / 2, { width: w - 2 * cellPad, align: header ? 'center' : block.columns[i]!.align });
      });
      doc.y = y + h;
    };
    this.ensure(this.rowHeight(block, block.header) + (block.rows[0] ? this.rowHeight(block, block.rows[0]) : 0));
    drawRow(block.header, true);
    for (const row of block.rows) {
      if (doc.y + this.rowHeight(block, row) > this.bottom) {
        doc.addPage();
        drawRow(block.header, true); // the header is repeated on every page of the table
      }
      drawRow(row, false);
    }
    doc.x = left;
    doc.y += this.lineHeight / 2;
  }

  block(block: Block) {
    const doc = this.doc;
    const textW = left + width - sectionX;
    switch (block.kind) {
      case 'title':
        doc.font(fonts.bold).fontSize(type.titlePt);
        for (const line of block.lines) doc.text(line, left, doc.y, { width, align: 'center' });
        doc.y += mmToPt(6);
        break;
      case 'section': {
        if (doc.y > doc.page.margins.top) doc.y += type.sectionGapPt;
        const y = doc.y;
        doc.font(fonts.bold).fontSize(type.bodyPt).text(block.label, left, y, { lineBreak: false });
        doc.text(block.title, sectionX, y, { width: textW, lineGap: this.gap });
        break;
      }
      case 'subheading':
        doc.font(fonts.bold).fontSize(type.bodyPt).text(block.text, sectionX, doc.y, { width: textW, lineGap: this.gap });
        break;
      case 'paragraph':
        this.runs(block.runs, sectionX, textW, { indent: block.indent ? mmToPt(indent.firstLineMm) : 0 });
        break;
      case 'list':
        for (const item of block.items) {
          this.ensure(this.lineHeight);
          const y = doc.y;
          doc.font(fonts.regular).fontSize(type.bodyPt).text(item.label, sectionX, y, { lineBreak: false });
          doc.y = y;
          this.runs(item.runs, listX, left + width - listX);
          for (const note of item.notes ?? []) this.runs(note, listX, left + width - listX);
        }
        break;
      case 'table':
        this.table(block);
        break;
      case 'signature': {
        const x = left + width * signature.startShare;
        const w = width * (1 - signature.startShare);
        doc.y += mmToPt(8);
        doc.font(fonts.regular).fontSize(type.bodyPt);
        doc.text(block.placeDate, x, doc.y, { width: w, lineGap: this.gap });
        doc.text(block.position, x, doc.y, { width: w, lineGap: this.gap });
        doc.y += this.lineHeight * signature.signLines;
        doc.font(fonts.bold).text(block.name, x, doc.y, { width: w, lineGap: this.gap, underline: true });
        doc.font(fonts.regular).text(block.nip, x, doc.y, { width: w, lineGap: this.gap });
        doc.x = left;
        break;
      }
      case 'signatures': {
        const w = width / Math.max(1, block.signers.length);
        const top = doc.y + mmToPt(8);
        let bottom = top;
        block.signers.forEach((s, i) => {
          const x = left + i * w + 4;
          const o = { width: w - 8, lineGap: this.gap, align: 'center' as const };
          doc.font(fonts.regular).fontSize(type.bodyPt).text(s.role, x, top, o);
          doc.y += this.lineHeight * signature.signLines;
          doc.font(fonts.bold).text(s.name, x, doc.y, { ...o, underline: true });
          doc.font(fonts.regular).text(s.position, x, doc.y, o);
          bottom = Math.max(bottom, doc.y);
        });
        doc.x = left;
        doc.y = bottom;
        break;
      }
    }
  }

  /** Height of the start of a block that must not be left alone at the foot of a page. */
  measureHead(block: Block): number {
    if (block.kind === 'paragraph' || block.kind === 'list') return Math.min(this.measure(block), 2 * this.lineHeight);
    if (block.kind === 'table') return this.rowHeight(block, block.header) + (block.rows[0] ? this.rowHeight(block, block.rows[0]) : 0);
    return this.measure(block);
  }

  /**
   * Draws the blocks. Headings and blocks marked keepWithNext stay with what follows them: a chain of them
   * plus the start of the next block (or the whole signature) moves to a fresh page when it would be cut.
   */
  blocks(blocks: Block[]) {
    const room = this.bottom - this.doc.page.margins.top;
    const keeps = (b: Block | undefined) =>
      !!b &&
      (b.kind === 'section' ||
        b.kind === 'subheading' ||
        b.kind === 'title' ||
        ((b.kind === 'paragraph' || b.kind === 'table') && !!b.keepWithNext));
    blocks.forEach((block, i) => {
      if (!keeps(blocks[i - 1]) && (keeps(block) || block.kind === 'signature' || block.kind === 'signatures')) {
        let h = 0;
        for (let j = i; j < blocks.length; j++) {
          const b = blocks[j]!;
          if (!keeps(b)) {
            h += this.measureHead(b);
            break;
          }
          h += this.measure(b);
        }
        // A chain taller than a page cannot be kept together: let it flow.
        if (h <= room) this.ensure(h);
      }
      this.block(block);
    });
  }

  /** Page numbers at the foot; on a document that is not final, the mark at the top and "DRAF" across the page. */
  pageFurniture(draftMark: string | null | undefined) {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
      if (draftMark) {
        const cx = doc.page.width / 2;
        const cy = doc.page.height / 2;
        doc
          .save()
          .rotate(-45, { origin: [cx, cy] })
          .fillColor(draftColor)
          .fillOpacity(0.12)
          .font(fonts.bold)
          .fontSize(140);
        doc.text('DRAF', cx - 300, cy - 70, { width: 600, align: 'center', lineBreak: false });
        doc.restore();
        doc.save().fillColor(draftColor).font(fonts.bold).fontSize(type.footerPt);
        doc.text(draftMark, left, mmToPt(page.footerMm), { width, align: 'center', lineBreak: false });
        doc.restore();
      }
      doc.font(fonts.regular).fontSize(type.footerPt);
      doc.text(String(i + 1), left, doc.page.height - mmToPt(page.footerMm) - type.footerPt, { width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottomMargin;
    }
  }
}

export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mmToPt(page.margin.topMm), right: mmToPt(page.margin.rightMm), bottom: mmToPt(page.margin.bottomMm), left },
    bufferPages: true,
    info: { Title: model.meta.title, Subject: model.meta.subject, Author: model.meta.author, Creator: 'Simpul' },
    lang: 'id-ID',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc);
  w.letterhead(model.letterhead);
  w.blocks(model.blocks);
  w.pageFurniture(model.draftMark);
  doc.end();
  return done;
}

/**
 * Several documents in one PDF for printing (e.g. one invitation letter per institution): each starts on a new
 * page with its letterhead, and its pages are numbered from 1.
 */
export async function renderPdfSet(models: DocumentModel[], meta: DocumentModel['meta']): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mmToPt(page.margin.topMm), right: mmToPt(page.margin.rightMm), bottom: mmToPt(page.margin.bottomMm), left },
    bufferPages: true,
    info: { Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: 'Simpul' },
    lang: 'id-ID',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const starts: number[] = [];
  models.forEach((model, i) => {
    if (i > 0) doc.addPage();
    starts.push(doc.bufferedPageRange().count - 1);
    const w = new Writer(doc);
    w.letterhead(model.letterhead);
    w.blocks(model.blocks);
  });
  const total = doc.bufferedPageRange().count;
  for (let i = 0; i < total; i++) {
    doc.switchToPage(i);
    const first = [...starts].reverse().find((s) => s <= i) ?? 0;
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fonts.regular).fontSize(type.footerPt);
    doc.text(String(i - first + 1), left, doc.page.height - mmToPt(page.footerMm) - type.footerPt, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
