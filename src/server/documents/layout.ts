/**
 * Page geometry shared by the DOCX and PDF renderers, in millimetres and points, so both files look alike:
 * A4, margins of an Indonesian government document (3 cm left for binding, 2.5 cm elsewhere),
 * 12 pt body text at 1.5 line spacing.
 */
export const page = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 25, rightMm: 25, bottomMm: 25, leftMm: 30 },
  footerMm: 12,
};
export const textWidthMm = page.widthMm - page.margin.leftMm - page.margin.rightMm;

export const type = {
  bodyPt: 12,
  titlePt: 13,
  letterheadFirstPt: 15,
  letterheadPt: 14,
  letterheadSmallPt: 10,
  footerPt: 10,
  /** Line height as a multiple of single spacing. */
  lineSpacing: 1.5,
  /** Space before a section heading, in points. */
  sectionGapPt: 10,
};

export const indent = {
  /** Where the text after "A." starts, and where section bodies sit. */
  sectionMm: 8,
  /** Where the text after "1." starts, inside a section. */
  listMm: 15,
  /** First-line indent of a paragraph. */
  firstLineMm: 10,
};

export const letterheadGeometry = {
  logoMm: 22,
  logoGapMm: 3,
  ruleGapMm: 2,
};

export const signature = {
  /** The signature block starts at this share of the text width. */
  startShare: 0.5,
  /** Room left for the handwritten signature and stamp, in lines. */
  signLines: 3,
};

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
