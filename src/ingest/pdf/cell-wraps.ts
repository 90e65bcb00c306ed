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
