/**
 * Form cells that pdf.js's items set against each other. A segment (lines.ts) is text with no gap over an
 * em, but a form sets some of its cells closer than that: a line number and its sub-letter with no gap at
 * all ("8" | "a", each a cell of its own column), a check box's letter after the label it follows ("from: |
 * a ☐"), a margin label in larger type just short of the row's number ("Payments | 61"). A reader tells them
 * apart by the columns the rows around draw, by the weight and by the size; so does this step, at the
 * boundaries between pdf.js items only (a form's writer places each cell's text on its own, words of one
 * cell come in one item).
 */
import { type PdfLine, type Piece, SPACE_GAP_EM } from './lines.ts';

/** A row of one flow: its segments left to right. */
interface Row {
  lines: PdfLine[];
  baseline: number;
  size: number;
  uncut?: PdfLine[];
}

/** Rows looked at above and below for column edges, and how far (ems). */
const WINDOW_ROWS = 8;
const WINDOW_EM = 12;
/** Two edges closer than this (ems) are one column edge: a form's writer places its columns exactly. */
const EDGE_EM = 0.05;
/** A check box's or sub-item's letter stands further than a word space from the text before it (ems). */
const LABEL_GAP_EM = 0.35;
/** Rows around that start a cell where an item starts, for that item to head their column. */
const HEAD_ROWS = 2;
/** A list item's number or letter ("2.", "b)", "iv."). */
const MARKER = /^(\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]$/i;
/** A lone item label: one letter, or one in parentheses. */
const LABEL = /^\(?[a-z]\)?$/;
/**
 * A form's line number ("31") and the sub-item letter set against it ("a"), which table-cells.ts also keeps a
 * cell of its own.
 */
const LINE_NUMBER = /^\d{1,3}$/;
export const SUB_LETTER = /^[a-z]$/;
/** Type this much larger or smaller is another kind of text (a margin label beside a form's rows). */
const SIZE_RATIO = 1.2;
/**
 * Text in other type stands apart from the text before it by this much of the smaller type (ems): more than
 * two word spaces ("…Income Tax Return" 12 pt, "2010" 20 pt 0.9 em on; decision 81).
 */
const SIZED_GAP_EM = 0.75;
/**
 * One arrow or geometric sign (▶ ▲ ►, arrows, dingbat arrows): a form's pointer to a field or a signature
 * line, not a word of the label after it.
 */
const SIGN = /^[\u2190-\u21FF\u25A0-\u25FF\u2794-\u27BF]$/u;

/** Cuts each row's segments where the items of one are separate cells; rows keep their left-to-right order. */
export function cutAtItems(rows: Row[]): void {
  // What an item shows of itself first (a label's weight, another size), then the columns that the rows
  // so parted draw ("▶ b" parted, "b" starts the sub-letters' column).
  cutPass(rows, false);
  cutPass(rows, true);
}

function cutPass(rows: Row[], columns: boolean): void {
  // A row's edges: its segments', and where two of its items meet with no room (a row set like this one:
  // "15 a" under "16 a"), which count once a segment's edge of another row agrees.
  const edges = rows.map((r) => ({
    table: r.lines.length >= 2,
    starts: r.lines.map((l) => l.x),
    ends: r.lines.map((l) => l.x + l.w),
    meets: r.lines.flatMap((l) => tightJoints(l)),
  }));
  for (const [i, row] of rows.entries()) {
    if (!row.lines.some((l) => l.pieces)) continue;
    const near: Edges[] = [];
    for (
      let j = Math.max(0, i - WINDOW_ROWS);
      columns && j <= Math.min(rows.length - 1, i + WINDOW_ROWS);
      j++
    ) {
      const e = edges[j]!;
      if (j !== i && e.table && Math.abs(rows[j]!.baseline - row.baseline) <= WINDOW_EM * row.size)
        near.push(e);
    }
    const cut = row.lines.flatMap((l) => cutLine(l, near, columns));
    if (cut.length > row.lines.length) {
      row.uncut ??= row.lines;
      row.lines = cut;
    }
  }
}

/** Where two items of a line meet closer than a word space: x of the left one's end and the right one's start. */
function tightJoints(l: PdfLine): Array<{ end: number; start: number }> {
  const pieces = l.pieces ?? [];
  const out: Array<{ end: number; start: number }> = [];
  for (let k = 1; k < pieces.length; k++) {
    const [a, b] = [pieces[k - 1]!, pieces[k]!];
    if (b.x - (a.x + a.w) <= SPACE_GAP_EM * Math.min(a.size, b.size))
      out.push({ end: a.x + a.w, start: b.x });
  }
  return out;
}

interface Edges {
  starts: number[];
  ends: number[];
  meets: Array<{ end: number; start: number }>;
}

function cutLine(l: PdfLine, near: Edges[], columns: boolean): PdfLine[] {
  const pieces = l.pieces;
  if (!pieces) return [l];
  const cuts: number[] = [];
  for (let k = 1; k < pieces.length; k++) {
    const [a, b] = [pieces[k - 1]!, pieces[k]!];
    const gap = b.x - (a.x + a.w);
    const small = Math.min(a.size, b.size);
    const tol = EDGE_EM * small;
    const text = l.text.slice(b.at, pieces[k + 1]?.at ?? l.text.length).trim();
    // Two columns that meet with no room between them (the two read as one word): the rows around start a
    // cell where this item starts and end one where the item before it ends (right-aligned line numbers,
    // left-aligned sub-letters).
    const at = (x: number, y: number) => Math.abs(x - y) <= tol;
    const starts = near.some((e) => e.starts.some((x) => at(x, b.x)));
    const ends = near.some((e) => e.ends.some((x) => at(x, a.x + a.w)));
    const meets = near.some((e) => e.meets.some((m) => at(m.start, b.x) && at(m.end, a.x + a.w)));
    const columnEdge =
      columns && gap <= SPACE_GAP_EM * small && ((starts && ends) || (meets && (starts || ends)));
    // A lone letter closing the segment, past a word space and in another weight: the label of the box or
    // blank after it, not the last word of the text before it.
    const label =
      k === pieces.length - 1 && LABEL.test(text) && gap >= LABEL_GAP_EM * small && a.bold !== b.bold;
    // Another size past two word spaces of the smaller: a label or a title in its own type beside the row.
    // A small item set against the word before it is that word's index or reference mark ("i" "2" "and
    // then"): the text goes on past it after a word space in the larger type, so only a whole em parts there.
    const before = pieces[k - 2];
    const script =
      a.size === small &&
      before !== undefined &&
      before.size >= SIZE_RATIO * small &&
      a.x - (before.x + before.w) <= SPACE_GAP_EM * small;
    const sized =
      Math.max(a.size, b.size) >= SIZE_RATIO * small && gap >= (script ? 1 : SIZED_GAP_EM) * small;
    // A lone sign in other type leading the text after it is that text's own pointer at a word space ("▶ c
    // Type:"); drawn over the words ("▲" 12 pt over "Your signature" 7 pt) or further off than a label's gap,
    // it points at something else (a field, the line to sign on) and is not one of them.
    const prev = l.text.slice(a.at, b.at).trim();
    const sign =
      SIGN.test(prev) &&
      !SIGN.test(text.charAt(0)) &&
      Math.max(a.size, b.size) >= SIZE_RATIO * small &&
      (gap < 0 || gap >= LABEL_GAP_EM * small);
    // An item past a word space, in the same type, that starts where two rows of the table around start a
    // cell is that column's head, not the next word of the one before ("Country" | "Year" over "Albania |
    // 2020": a header row's cells set closer than the cells under them). A change of weight there is emphasis
    // inside one cell's phrase ("Yes." bold, "Complete below."); a list's number hangs before its text's
    // column and stays with it ("2." | "autres exemptions").
    const head =
      columns &&
      !MARKER.test(l.text.slice(a.at, b.at).trim()) &&
      gap > SPACE_GAP_EM * small &&
      a.bold === b.bold &&
      a.size === b.size &&
      near.filter((e) => e.starts.some((x) => at(x, b.x))).length >= HEAD_ROWS;
    // A form line's sub-item letter set against its line number with no room ("31" | "a" before "Alimony
    // paid"): two cells, as the number column and the letter column are on the rows that have both, where
    // the writer placed them as two items. It is the segment's last item: the label follows as a segment of
    // its own. A number and letter written as one item ("8a", a box's number) are not parted.
    const subLetter =
      k === pieces.length - 1 &&
      LINE_NUMBER.test(prev) &&
      SUB_LETTER.test(text) &&
      a.size === b.size &&
      gap <= SPACE_GAP_EM * small;
    if (columnEdge || label || sized || sign || head || subLetter) cuts.push(k);
  }
  if (cuts.length === 0) return [l];
  const out: PdfLine[] = [];
  for (const [n, from] of [0, ...cuts].entries()) {
    const to = cuts[n] ?? pieces.length;
    const part = partOf(l, pieces.slice(from, to), pieces[to]?.at ?? l.text.length);
    if (part) out.push(part);
  }
  return out;
}

/** The line made of some of a line's items (`end`: where the next item starts in its text). */
function partOf(l: PdfLine, pieces: Piece[], end: number): PdfLine | null {
  const first = pieces[0]!;
  const slice = l.text.slice(first.at, end);
  const text = slice.trim();
  if (text.length === 0) return null;
  const lead = first.at + (slice.length - slice.trimStart().length);
  const x = Math.min(...pieces.map((p) => p.x));
  const right = Math.max(...pieces.map((p) => p.x + p.w));
  // The weight and size of most of its characters, its baseline the lowest of its items'.
  let best = first;
  let most = -1;
  let boldChars = 0;
  let chars = 0;
  pieces.forEach((p, i) => {
    const n = (pieces[i + 1]?.at ?? end) - p.at;
    if (n > most) {
      most = n;
      best = p;
    }
    chars += n;
    if (p.bold) boldChars += n;
  });
  const baseline = Math.max(...pieces.map((p) => p.base));
  const scale = best.size / (l.size || 1);
  const top = baseline - (l.baseline - l.top) * scale;
  const { pieces: _all, ...rest } = l;
  return {
    ...rest,
    text,
    x,
    w: right - x,
    baseline,
    top,
    h: l.h * scale,
    size: Math.round(best.size * 10) / 10,
    bold: boldChars > chars / 2,
    ...(pieces.length >= 2 ? { pieces: pieces.map((p) => ({ ...p, at: Math.max(0, p.at - lead) })) } : {}),
  };
}
