import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { imageSize, letterheadTextWidthMm } from './letterhead';
import { indent, letterheadGeometry, mmToTwip, page, signature, textWidthMm, type } from './layout';
import type { Block, DocumentModel, Letterhead, Run, TableColumn } from './model';

/** Arial is what Indonesian offices use; LibreOffice shows it with the metric-compatible Liberation Sans. */
const font = 'Arial';
const halfPt = (pt: number) => Math.round(pt * 2);
const bodyLine = Math.round(240 * type.lineSpacing);
const single = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
const sectionTw = mmToTwip(indent.sectionMm);
const listTw = mmToTwip(indent.listMm);
const textTw = mmToTwip(textWidthMm);
/** The colour of the draft mark: a red that prints dark on a black-and-white printer. */
const draftColor = 'C00000';
const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const runs = (list: Run[]): TextRun[] =>
  list.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, underline: r.underline ? {} : undefined }));

function letterheadParts(lh: Letterhead): (Paragraph | Table)[] {
  const lines = lh.lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: single,
        children: [new TextRun({ text: line.text, bold: line.bold, size: halfPt(line.sizePt) })],
      }),
  );
  // A thick-over-thin double rule under the letterhead, as on official letters.
  const rule = new Paragraph({
    spacing: { ...single, line: 40, lineRule: LineRuleType.EXACT, after: mmToTwip(4) },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
    children: [],
  });
  if (!lh.logo) return [...lines, rule];
  const size = imageSize(lh.logo) ?? { width: 1, height: 1 };
  const logoPx = Math.round((letterheadGeometry.logoMm / 25.4) * 96);
  const scale = logoPx / Math.max(size.width, size.height);
  const side = textTw - mmToTwip(letterheadTextWidthMm(true));
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, children });
  const logo = new Paragraph({
    spacing: single,
    children: [
      new ImageRun({
        type: lh.logo[0] === 0x89 ? 'png' : 'jpg',
        data: lh.logo,
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText: { name: 'Logo', title: 'Logo', description: 'Logo instansi' },
      }),
    ],
  });
  const table = new Table({
    width: { size: textTw, type: WidthType.DXA },
    columnWidths: [side, textTw - side],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell([logo], side), cell(lines, textTw - side)] })],
  });
  return [table, rule];
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const keepNext = !!block.keepWithNext;
  const width = textTw - sectionTw;
  const widths = block.columns.map((c) => Math.round(c.width * width));
  const cell = (text: string, col: TableColumn, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } : undefined,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : align[col.align],
          keepNext: header || keepNext,
          spacing: single,
          children: [new TextRun({ text, bold: header, size: halfPt(block.fontSize) })],
        }),
      ],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    indent: { size: sectionTw, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, block.columns[i]!, i, true)) }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            keepNext,
            height: block.minRowHeightPt ? { value: block.minRowHeightPt * 20, rule: 'atLeast' } : undefined,
            children: row.map((v, i) => cell(v, block.columns[i]!, i, false)),
          }),
      ),
    ],
  });
}

function blockParts(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return block.lines.map(
        (text, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { ...single, after: i === block.lines.length - 1 ? mmToTwip(6) : 0 },
            children: [new TextRun({ text, bold: true, size: halfPt(type.titlePt) })],
          }),
      );
    case 'section':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { line: bodyLine, before: Math.round(type.sectionGapPt * 20), after: 0 },
          indent: { left: sectionTw, hanging: sectionTw },
          tabStops: [{ type: TabStopType.LEFT, position: sectionTw }],
          children: [new TextRun({ text: block.label, bold: true }), new TextRun({ children: ['\t', block.title], bold: true })],
        }),
      ];
    case 'subheading':
      return [new Paragraph({ keepNext: true, indent: { left: sectionTw }, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          keepNext: block.keepWithNext,
          indent: { left: sectionTw, firstLine: block.indent ? mmToTwip(indent.firstLineMm) : 0 },
          children: runs(block.runs),
        }),
      ];
    case 'list':
      return block.items.flatMap((item) => [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: listTw, hanging: listTw - sectionTw },
          tabStops: [{ type: TabStopType.LEFT, position: listTw }],
          children: [new TextRun({ text: item.label }), new TextRun({ children: ['\t'] }), ...runs(item.runs)],
        }),
        ...(item.notes ?? []).map(
          (note) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: listTw }, children: runs(note) }),
        ),
      ]);
    case 'table':
      return [table(block), new Paragraph({ spacing: single, keepNext: block.keepWithNext, children: [] })];
    case 'signature': {
      const left = Math.round(textTw * signature.startShare);
      const p = (children: ParagraphChild[], extra: { before?: number } = {}) =>
        new Paragraph({
          keepNext: true,
          keepLines: true,
          indent: { left },
          spacing: { line: bodyLine, before: extra.before ?? 0, after: 0 },
          children,
        });
      return [
        p([new TextRun(block.placeDate)], { before: mmToTwip(8) }),
        p([new TextRun(block.position)]),
        p([new TextRun({ text: block.name, bold: true, underline: {} })], { before: Math.round(bodyLine * signature.signLines) }),
        new Paragraph({ indent: { left }, children: [new TextRun(block.nip)] }),
      ];
    }
    case 'signatures': {
      const w = Math.floor(textTw / Math.max(1, block.signers.length));
      const p = (children: ParagraphChild[], before = 0) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          keepLines: true,
          spacing: { line: bodyLine, before, after: 0 },
          children,
        });
      const cells = block.signers.map(
        (s) =>
          new TableCell({
            width: { size: w, type: WidthType.DXA },
            children: [
              p([new TextRun(s.role)]),
              p([new TextRun({ text: s.name, bold: true, underline: {} })], Math.round(bodyLine * signature.signLines)),
              p([new TextRun(s.position)]),
            ],
          }),
      );
      const spacer = new Paragraph({ keepNext: true, spacing: { ...single, before: mmToTwip(8) }, children: [] });
      return [
        spacer,
        new Table({
          width: { size: w * cells.length, type: WidthType.DXA },
          columnWidths: cells.map(() => w),
          layout: TableLayoutType.FIXED,
          borders: TableBorders.NONE,
          rows: [new TableRow({ cantSplit: true, children: cells })],
        }),
      ];
    }
  }
}

/** Draws a document model as a Word file (A4, Arial, page numbers at the foot). */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const doc = new Document({
    title: model.meta.title,
    subject: model.meta.subject,
    creator: model.meta.author,
    description: 'Dibuat dengan Simpul',
    styles: {
      default: {
        document: {
          run: { font, size: halfPt(type.bodyPt) },
          paragraph: { spacing: { line: bodyLine, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(page.widthMm), height: mmToTwip(page.heightMm) },
            margin: {
              top: mmToTwip(page.margin.topMm),
              right: mmToTwip(page.margin.rightMm),
              bottom: mmToTwip(page.margin.bottomMm),
              left: mmToTwip(page.margin.leftMm),
              footer: mmToTwip(page.footerMm),
              header: mmToTwip(page.footerMm),
            },
          },
        },
        ...(model.draftMark
          ? {
              headers: {
                default: new Header({
                  children: [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      spacing: single,
                      children: [new TextRun({ text: model.draftMark, bold: true, color: draftColor, size: halfPt(type.footerPt) })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: single,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPt(type.footerPt) })],
              }),
            ],
          }),
        },
        children: [...letterheadParts(model.letterhead), ...model.blocks.flatMap(blockParts)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
