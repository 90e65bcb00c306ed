/**
 * When a form's cell goes on onto the next line, beyond what a line of prose shows (table-cells.ts
 * `wrapsInto` decides the first wrap). A cell that has wrapped once has its own pitch, and a reader takes it
 * for the cell's: a line further down than that starts another label ("Boxes checked / on 6a and 6b" at 7 pt
 * steps, then "No. of children" 9.5 pt down), and a line at exactly that pitch goes on even where it turns
 * bold ("…please use / **Form 1040-V.**": a word set in bold inside the sentence).
 */
import type { PdfLine } from './lines.ts';

/** A cell's next line stands this much further down than its own pitch (ems) when it starts another label. */
const PITCH_SLACK_EM = 0.25;
/** A cell's own pitch is matched within this (ems). */
const SAME_PITCH_EM = 0.1;
/** Type this much larger or smaller is another kind of text (a section's margin label beside the cells). */
const OTHER_TYPE_RATIO = 1.2;

/** The cell's pitch once it has two lines, else undefined. */
function ownPitch(cell: PdfLine[]): number | undefined {
  if (cell.length < 2) return undefined;
  return cell[cell.length - 1]!.baseline - cell[cell.length - 2]!.baseline;
}

/** Whether the line stands further below the cell than the cell's own pitch: it starts another label. */
export function pastOwnPitch(cell: PdfLine[], l: PdfLine): boolean {
  const p = ownPitch(cell);
  return p !== undefined && l.baseline - cell[cell.length - 1]!.baseline > p + PITCH_SLACK_EM * l.size;
}

/** Whether a line in the other weight still goes on with the cell: at the cell's own pitch, in its size. */
export function atOwnPitch(cell: PdfLine[], l: PdfLine): boolean {
  const p = ownPitch(cell);
  const last = cell[cell.length - 1]!;
  return p !== undefined && Math.abs(l.baseline - last.baseline - p) <= SAME_PITCH_EM * l.size;
}

/**
 * Whether a first-column line is a margin label in other type than the line beside it ("Exemptions" 10 pt
 * beside "on 6a and 6b" 7 pt): such a label names a section of the form; it does not start a row for cells
 * in the small type of the labels that wrap beside it.
 */
export const otherType = (a: PdfLine, b: PdfLine) =>
  Math.max(a.size, b.size) >= OTHER_TYPE_RATIO * Math.min(a.size, b.size);

/** A lone line stands in a table's column within this many ems under the row above. */
const LONE_ROW_EM = 3;
/** …and is at most this many times as wide as the cell whose column it stands in. */
const LONE_WIDTH_RATIO = 2;
/** A lone line is a label no wider than this (ems), not a paragraph's first line nor a caption under a table. */
const LONE_LABEL_EM = 15;

/**
 * Whether a row's only line is a cell of the table being read, not prose after it: close under the row above,
 * it stands in the column of one of the table's cells and is about as wide ("19" / "20" in the line numbers'
 * column with nothing else on its row, "cotisations sociales" under "1. cotisations sociales"), or it is a
 * short label within the table's width ("K)" between a form's halves). A paragraph after a table runs across
 * its columns, and its first line is a full one; a line number on a row of its own does not end the table.
 */
export function inOpenColumn(cells: PdfLine[][], l: PdfLine, rowAbove: number | undefined): boolean {
  if (cells.length < 2 || rowAbove === undefined) return false;
  if (l.baseline - rowAbove > LONE_ROW_EM * l.size || l.w > LONE_LABEL_EM * l.size) return false;
  const firsts = cells.map((c) => c[0]!);
  const overlapping = firsts.filter((f) => Math.min(f.x + f.w, l.x + l.w) - Math.max(f.x, l.x) > 0);
  if (overlapping.length > 0) return overlapping.some((f) => l.w <= LONE_WIDTH_RATIO * f.w);
  const left = Math.min(...firsts.map((f) => f.x));
  const right = Math.max(...firsts.map((f) => f.x + f.w));
  return l.x > left && l.x + l.w < right;
}

/** A drawn rule parts two segments of a row only across a gap of at least this (ems). */
const WALL_GAP_EM = 0.1;

/**
 * Whether a drawn rule parts a segment from the one before it on its cell row. lines.ts marks a segment
 * ruled against what stood before it on its row of the page, which may be in another flow (body text left
 * of an infobox's border, where the infobox's "[3]" sits raised beside "Warner Bros. Pictures"); a border
 * stands in room the writer left, so segments that touch are not parted by one.
 */
export const ruledApart = (before: PdfLine | undefined, l: PdfLine) =>
  l.ruled === true && before !== undefined && l.x - (before.x + before.w) >= WALL_GAP_EM * l.size;

/** Segments of one row further apart than this (ems of the row's type) are not words of one line. */
const WIDE_GAP_EM = 3;
/** …nor, in different weights, further apart than this: a bold label and its value ("Distributed by · Sony Pictures"). */
const LABEL_GAP_EM = 1.5;

/**
 * Whether a row's segments stand so far apart that no line of prose would part them: a form's footer
 * ("…see separate instructions." · "Cat. No. 11320B" · "Form 1040 (2010)"), an infobox's label and value
 * ("Starring" · "Ben Affleck") on a row nothing lines up with, or 1.5 em apart when one is bold. Justified lines share out their spare width in
 * gaps under an em; a column gutter is 1–2 ems.
 */
export function wideApart(lines: PdfLine[], size: number): boolean {
  return lines
    .slice(1)
    .some(
      (l, k) =>
        l.x - (lines[k]!.x + lines[k]!.w) >=
          (l.bold === lines[k]!.bold ? WIDE_GAP_EM : LABEL_GAP_EM) * size &&
        !PAGE_NUMBER.test(l.text) &&
        !OPEN_END.test(lines[k]!.text) &&
        !CLOSE_START.test(l.text),
    );
}

/**
 * A gap inside brackets or quotes is text the layer lacks (a word in a font with no text, "※「 」「 」等"),
 * not room between cells.
 */
const OPEN_END = /[([{「『【〔《〈“‘«]$/u;
const CLOSE_START = /^[)\]}」』】〕》〉”’»]/u;

/**
 * A contents entry's page number, set far right of its title ("1 Document structures · 1"): the entry's own,
 * not a cell (decision 74 left contents rows whole; a form's amounts line up with other rows instead).
 */
const PAGE_NUMBER = /^(\d{1,4}|[ivxlc]{1,6})$/i;

/** A line's baseline matches another's within this (ems). */
const SAME_BASELINE_EM = 0.1;
/** How far past a wrapped cell's widest line a word may end and still stand in its box (ems). */
const BOX_SLACK_EM = 0.25;

/**
 * A one-line cell on a wrapped cell's first row, right of its first line and within the width its later
 * lines show, stands inside that cell's box: it is that first line's last word set off by a wide gap (a
 * check box drawn in the label, "Check  if" / "self-employed"), not a cell of its own — a reader does not
 * see a cell inside another. Cells come in reading order; the folded cell is left out.
 */
export function foldInsideCells(cells: PdfLine[][]): PdfLine[][] {
  const folded = new Set<PdfLine[]>();
  for (const c of cells) {
    if (c.length < 2) continue;
    const first = c[0]!;
    const right = Math.max(...c.slice(1).map((o) => o.x + o.w)) + BOX_SLACK_EM * first.size;
    for (const s of cells) {
      const o = s[0]!;
      if (
        s === c ||
        s.length !== 1 ||
        folded.has(s) ||
        Math.abs(o.baseline - first.baseline) > SAME_BASELINE_EM * first.size ||
        otherType(o, first) ||
        o.x < c[0]!.x + c[0]!.w ||
        o.x + o.w > right
      )
        continue;
      const head = c[0]!;
      const { pieces: _p, ...rest } = head;
      c[0] = { ...rest, text: `${head.text} ${o.text}`, w: o.x + o.w - head.x };
      folded.add(s);
    }
  }
  return cells.filter((c) => !folded.has(c));
}

/** A brace drawn this many times the size of the text beside it spans several of its lines. */
const BRACE_RATIO = 2;
/** The text a brace groups stands this close to its open side (ems of the text). */
const BRACE_GAP_EM = 3;
/** A line's baseline within this of a brace's box (ems of the text) is spanned by it. */
const BRACE_SLACK_EM = 0.25;

/** The page's tall braces ("{" or "}" alone, in type over twice the text's): each groups the lines it spans. */
export const bracesOf = (lines: PdfLine[]) => lines.filter((l) => /^[{}]$/.test(l.text.trim()));

/**
 * Whether a line goes on from a cell because a tall brace spans both on the side they stand: a label left
 * of "{" names all the lines the brace gathers, and one right of "}" sums them ("Check / if:" beside "{"
 * before "You were born… / Spouse was born…", at the rows' own pitch, where the rows beside start anew).
 */
export function bracedWith(braces: PdfLine[], c: PdfLine[], l: PdfLine): boolean {
  const last = c[c.length - 1]!;
  if (otherType(last, l) || last.bold !== l.bold || !columnsOverlap(last, l)) return false;
  return braces.some((b) => {
    if (b.size < BRACE_RATIO * l.size) return false;
    // The glyph's box is the font's, not the ink's: a quarter em of the text either way.
    const slack = BRACE_SLACK_EM * l.size;
    const within = (o: PdfLine) => o.baseline >= b.top - slack && o.baseline <= b.top + b.h + slack;
    if (!within(last) || !within(l) || l.baseline <= last.baseline) return false;
    // Both on the brace's open side, the nearer of them within 3 ems of it (a label's lines are ragged).
    const gap = BRACE_GAP_EM * l.size;
    return b.text.trim() === '{'
      ? [last, l].every((o) => o.x + o.w <= b.x) && b.x - Math.max(last.x + last.w, l.x + l.w) <= gap
      : [last, l].every((o) => o.x >= b.x + b.w) && Math.min(last.x, l.x) - (b.x + b.w) <= gap;
  });
}

const columnsOverlap = (a: PdfLine, b: PdfLine) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0;
