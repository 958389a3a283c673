/**
 * A neutral model of a printed document: a letterhead and a list of blocks. The DOCX and PDF renderers
 * draw the same model, so both files say exactly the same thing.
 */

export type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export type Letterhead = {
  /** Unit name lines, then address and contact lines, each sized to fit on one line beside the logo. */
  lines: { text: string; sizePt: number; bold: boolean }[];
  /** PNG or JPEG bytes, printed at the left. */
  logo: Uint8Array | null;
};

export type TableColumn = {
  /** Share of the table width (the shares of a table add up to 1). */
  width: number;
  align: 'left' | 'center' | 'right';
};

export type ListItem = { label: string; runs: Run[]; notes?: Run[][] };

export type Block =
  /** Centred bold lines at the top of the body ("KERANGKA ACUAN KERJA"). */
  | { kind: 'title'; lines: string[] }
  /** A lettered section heading: "A." + "LATAR BELAKANG". */
  | { kind: 'section'; label: string; title: string }
  /** A heading inside a section ("Maksud", "Tujuan"). */
  | { kind: 'subheading'; text: string }
  /** A justified paragraph of a section; `indent` gives the first line an indent. */
  | { kind: 'paragraph'; runs: Run[]; indent?: boolean; keepWithNext?: boolean }
  /** A list with printed labels ("1.", "2."), hanging under the section text. */
  | { kind: 'list'; items: ListItem[] }
  | {
      kind: 'table';
      columns: TableColumn[];
      header: string[];
      rows: string[][];
      fontSize: number;
      keepWithNext?: boolean;
      /** Least height of a body row in points (room to sign by hand in a daftar hadir). */
      minRowHeightPt?: number;
    }
  /** Place and date, position, room to sign, name and NIP, on the right half of the page. */
  | { kind: 'signature'; placeDate: string; position: string; name: string; nip: string }
  /** Signatures side by side across the text width (the chair and the note-taker of minutes): role, room to sign, name, position. */
  | { kind: 'signatures'; signers: { role: string; name: string; position: string }[] };

export type DocumentModel = {
  /** Document properties (title, subject) shown by readers. */
  meta: { title: string; subject: string; author: string };
  /**
   * A document that is not final (a draft KAK, one with check errors): this line is printed at the top of
   * every page, and the PDF carries a large "DRAF" across each page. Absent on a final document.
   */
  draftMark?: string | null;
  letterhead: Letterhead;
  blocks: Block[];
};

/** The plain text of a run list. */
export function plain(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
