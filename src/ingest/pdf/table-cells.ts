/**
 * Table and form cells. A row of text split by wide gaps (lines.ts) is joined back into one line when it is
 * prose; it is kept apart, one cell per segment, when its gaps line up with gaps in the rows around it — the
 * column boundaries of a table or a form ("7 | Wages, salaries, tips… | 7"). Justified prose has wide word
 * gaps too, but they do not stand one above the other over several lines.
 *
 * A cell's text may wrap: a row that starts nothing in the table's first column and follows the row above at
 * line pitch continues the cells above it, column by column. Cells are then read row by row, each cell's
 * lines together, and carry an id (`cell`) so that the paragraph step makes each cell one paragraph.
 */
import {
  atOwnPitch,
  bracedWith,
  bracesOf,
  foldInsideCells,
  inOpenColumn,
  otherType,
  pastOwnPitch,
  ruledApart,
  wideApart,
} from './cell-wraps.ts';
import { cutAtItems, SUB_LETTER } from './item-cuts.ts';
import type { PdfLine } from './lines.ts';
import { TERMINATOR } from './paragraphs.ts';
import { joinRowParts, pointersToNearer } from './row-parts.ts';

/** How many rows above and below a row are looked at for gaps in line with its own. */
const WINDOW_ROWS = 4;
/** Rows further apart than this (in ems) are not one table. */
const WINDOW_EM = 6;
/** A gap counts as a column boundary when this many other rows have a gap at the same x. */
const ALIGNED_ROWS = 2;
/** Word gaps of one justified line differ by less than this (ems). */
const JUSTIFIED_SPREAD_EM = 0.15;
/** A column of line numbers or letters is at most this wide (ems). */
const NUMBER_COLUMN_EM = 4;
/** A continuation line follows the row above within this many ems, baseline to baseline. */
const WRAP_PITCH_EM = 1.45;
/** …or within this many when it is alone on its row (cellGoesOn). */
const LONE_WRAP_PITCH_EM = 1.55;

interface Row {
  lines: PdfLine[];
  baseline: number;
  size: number;
  /** The median type size of its segments. */
  type?: number;
  /** The row's segments before item-cuts.ts parted some, when it did. */
  uncut?: PdfLine[];
}

/** The x-ranges between a row's segments. */
const gapsOf = (row: Row) =>
  row.lines.slice(1).map((l, i) => ({ x0: row.lines[i]!.x + row.lines[i]!.w, x1: l.x }));

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/** Rows of one flow: lines whose baselines are within half an em, left to right. */
function rowsOf(lines: PdfLine[]): Row[] {
  const rows: Row[] = [];
  for (const l of lines) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.baseline - l.baseline) < 0.5 * Math.max(last.size, l.size)) {
      last.lines.push(l);
      continue;
    }
    rows.push({ lines: [l], baseline: l.baseline, size: l.size });
  }
  for (const r of rows) {
    r.lines.sort((a, b) => a.x - b.x);
    // The row's type: the median of its segments' (a margin label's larger type does not set it).
    const sizes = r.lines.map((l) => l.size).sort((a, b) => a - b);
    r.type = sizes[Math.floor((sizes.length - 1) / 2)]!;
  }
  cutAtItems(rows);
  pointersToNearer(rows);
  for (const r of rows) r.lines = joinRowParts(r.lines);
  return rows;
}

/**
 * A justified line of a narrow column can have word gaps over an em: then all its gaps are alike (the
 * spare width shared out evenly), where a table row's gaps are as wide as its columns make them. All its
 * word gaps are alike, so when they are over an em each segment is one word: segments of several words
 * with equal wide gaps between them are cells ("26 | Moving expenses. Attach Form 3903 . . . | 26").
 */
function isJustified(row: Row): boolean {
  const widths = gapsOf(row).map((g) => g.x1 - g.x0);
  return (
    widths.length >= 2 &&
    Math.max(...widths) - Math.min(...widths) <= JUSTIFIED_SPREAD_EM * row.size &&
    row.lines.every((l) => !/\s/.test(l.text))
  );
}

/** Whether a row's gaps stand in line with gaps of other rows nearby: it is a table or form row. */
function isCellRow(rows: Row[], i: number, candidate: boolean[]): boolean {
  const row = rows[i]!;
  if (!candidate[i]) return false;
  const gaps = gapsOf(row);
  // Per gap of the row, how many rows have a gap in line with it.
  const aligned = gaps.map(() => 0);
  let rowsInLine = 0;
  for (let j = Math.max(0, i - WINDOW_ROWS); j <= Math.min(rows.length - 1, i + WINDOW_ROWS); j++) {
    const other = rows[j]!;
    if (j === i || !candidate[j]) continue;
    if (Math.abs(other.baseline - row.baseline) > WINDOW_EM * row.size) continue;
    const theirs = gapsOf(other);
    let any = false;
    gaps.forEach((h, k) => {
      if (!theirs.some((g) => overlaps(g, h))) return;
      aligned[k]! += 1;
      any = true;
    });
    if (any) rowsInLine += 1;
  }
  // Dot leaders lead the eye across a gap to what ends the row: a table of contents' row ("1.1 | Mathematics
  // . . . | 1") is read as one line unless a column runs through it, one gap in line with two rows. Its
  // gaps may each stand in line with another row (the chapter's row above, a section heading's number
  // below) without making a column.
  if (row.lines.slice(0, -1).some((l) => LEADERS_END.test(l.text)))
    return aligned.some((n) => n >= ALIGNED_ROWS);
  return rowsInLine >= ALIGNED_ROWS;
}

/** A note's column is at most this wide (ems): a form's margin, a few words a line. */
const NOTE_COLUMN_EM = 12;

/**
 * A note of several sentences in a form's narrow margin column goes on past a sentence end ("Joint return?
 * / See page 12. / Keep a copy / for your / records."): one note, as a reader takes it; a wider cell's
 * sentence end still ends it. Only lines of several words: one-word cells ("Blind." over "Blind.", "Yes." /
 * "No.") are each a cell.
 */
const wrapsPastSentence = (last: PdfLine, l: PdfLine) =>
  Math.max(last.w, l.w) <= NOTE_COLUMN_EM * l.size && severalWords(last) && severalWords(l);

const severalWords = (l: PdfLine) => l.text.trim().split(/\s+/).length >= 2;

/** Text ending in dot leaders (". . . . ." or "....."). */
const LEADERS_END = /(\.\s?){4,}$|…$/;

/**
 * Lines of one page in reading order with their flows set, segments unjoined → the same lines with table
 * cells found: cell lines carry `cell` and are read row by row; other lines are left as they were.
 */
export function findCells(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  let start = 0;
  let nextCell = 0;
  // Each flow on its own: flows are read one after the other.
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.flow === lines[start]!.flow) continue;
    nextCell = cellsOfFlow(lines.slice(start, i), nextCell, out);
    start = i;
  }
  return out;
}

function cellsOfFlow(lines: PdfLine[], firstCell: number, out: PdfLine[]): number {
  const rows = rowsOf(lines);
  const candidate = rows.map((r) => r.lines.length >= 2 && !isJustified(r));
  // Segments parted by a rule drawn between them are cells, whatever the rows around: a reader sees the
  // border (a form's halves beside each other on staggered rows, "non déductibles | nom:").
  const cellRow = rows.map(
    (r, i) =>
      (candidate[i] &&
        (r.lines.some((l, k) => ruledApart(r.lines[k - 1], l)) || wideApart(r.lines, r.type ?? r.size))) ||
      isCellRow(rows, i, candidate),
  );
  let cell = firstCell;
  const braces = bracesOf(lines);
  /** The cells of the table being read, in the order their first lines are read. */
  let cells: PdfLine[][] = [];
  /** The cell just left of a cell on the row where both began. */
  const leftOf = new Map<PdfLine[], PdfLine[]>();
  /** The row of each cell line. */
  const rowAt = new Map<PdfLine, number>();
  const flush = () => {
    for (const c of foldInsideCells(cells)) out.push(...c);
    cells = [];
  };
  /** The segments of the last row read as prose: a line that goes on from one is prose too. */
  let prose: PdfLine[] = [];
  for (const [i, row] of rows.entries()) {
    // Body text running past an infobox, or a form's margin label ("Attach Form(s) / W-2 here. Also /
    // attach Forms…") beside its rows, shares rows with the cells: the segments where a paragraph goes on
    // stay that paragraph's lines; the others are the row's cells.
    const flowing = row.lines.filter((l) => prose.some((p) => wrapsInto(p, l)));
    // A row that starts something in the table's first column is a new row of the table ("22 | Combine the
    // amounts…" under "21 | Other income…"): a wrapped cell leaves that column empty. Only on the same
    // baseline: a table's cells share their row's baseline, where two text columns read as one flow drift
    // apart (tracemonkey's abstract beside "Dynamic languages…" on the other side of the gutter).
    const first = Math.min(...cells.map((c) => c[0]!.x));
    // Which segments go on from an open cell, decided before any of them is added to one.
    const alone = row.lines.length === 1 ? cells : undefined;
    const wraps = new Set(row.lines.filter((o) => cellsWrap(cells, o, row.type, alone)));
    const newRow = (l: PdfLine) =>
      row.lines.some(
        (o) =>
          o !== l &&
          o.x <= first + 0.5 * o.size &&
          Math.abs(o.baseline - l.baseline) <= 0.1 * l.size &&
          !(wraps.has(l) && otherType(o, l)) &&
          !flowing.includes(o) &&
          !wraps.has(o),
      );
    // Likewise a new entry under the cell just left of the one a line would go on from, when that cell is a
    // narrow one-line column (line numbers): "22 | Combine the amounts…" under "21 | Other income…" where a
    // margin label's cells stand left of the line numbers. (Not under a column of text: two text columns
    // read as cells where no gutter was found start their paragraphs on rows of their own.)
    const newBeside = (c: PdfLine[], l: PdfLine) => {
      const left = leftOf.get(c);
      return (
        left !== undefined &&
        left.length === 1 &&
        left[0]!.w <= NUMBER_COLUMN_EM * left[0]!.size &&
        row.lines.some(
          (o) =>
            o !== l &&
            columnOf(left, o) &&
            Math.abs(o.baseline - l.baseline) <= 0.1 * l.size &&
            !flowing.includes(o) &&
            !wraps.has(o),
        )
      );
    };
    // Text wraps when the next word does not fit: a line whose first word would have fitted on the cell's
    // last line, before the next segment of that line's row, is a new row's ("Tuesday" under "Monday | 23",
    // the day column 150 pt wide).
    const fitsBeforeBeside = (c: PdfLine[], l: PdfLine) => {
      const last = c[c.length - 1]!;
      const beside = rows[rowAt.get(last) ?? -1]?.lines.filter((o) => o.x >= last.x + last.w);
      if (!beside || beside.length === 0) return false;
      // The room up to the next column, less a cell's padding; a cell that has wrapped already shows its own
      // measure, its widest line (a margin note wrapped at 60 pt beside a column 100 pt away).
      let edge = Math.min(...beside.map((o) => o.x)) - 2 * l.size;
      if (c.length >= 2) edge = Math.min(edge, Math.max(...c.map((o) => o.x + o.w)));
      const word = l.text.split(' ')[0]!.length;
      const wordWidth = (l.w * (word + 1)) / l.text.length;
      return edge - (last.x + last.w) > wordWidth;
    };
    // ...and where a column that had a cell on the row the cell began starts a new one on this baseline: a
    // form's label wrapped beside an empty box ("If more than four / dependents, see") has room to spare too.
    const newAcross = (c: PdfLine[], l: PdfLine) =>
      row.lines.some(
        (o) =>
          o !== l &&
          Math.abs(o.baseline - l.baseline) <= 0.1 * l.size &&
          !flowing.includes(o) &&
          !wraps.has(o) &&
          cells.some((s) => s !== c && rowAt.get(s[0]!) === rowAt.get(c[0]!) && columnOf(s, o)),
      );
    // ...but not for a cell begun on a row of its own, where nothing stood in that first column: a form's
    // other half keeps rows of its own beside the numbered ones ("nombre de jours non imposables" / "au
    // Luxembourg" level with line 21 by chance).
    const ownRows = (c: PdfLine[]) =>
      !rows[rowAt.get(c[0]!) ?? -1]?.lines.some((o) => o.x <= first + 0.5 * o.size);
    const rest: PdfLine[] = [];
    for (const l of row.lines) {
      const above =
        (braces.length > 0 ? cells.find((c) => bracedWith(braces, c, l)) : undefined) ??
        (flowing.includes(l)
          ? undefined
          : cells.find(
              (c) =>
                (!newRow(l) || ownRows(c)) &&
                cellGoesOn(c, l, row.type, alone) &&
                !newBeside(c, l) &&
                !(fitsBeforeBeside(c, l) && newAcross(c, l)),
            ));
      if (above) {
        const wrapped = { ...l, cell: above[0]!.cell };
        rowAt.set(wrapped, i);
        above.push(wrapped);
      } else rest.push(l);
    }
    if (rest.length === 0) continue;
    const whole = rest.length === row.lines.length;
    const lone =
      rest.length === 1 && flowing.length === 0 && inOpenColumn(cells, rest[0]!, rows[i - 1]?.baseline);
    if (whole && !lone && (!cellRow[i] || flowing.length === rest.length)) {
      // A paragraph that goes on past the table's rows keeps its lines together: the cells beside it wait
      // until it ends.
      if (flowing.length === 0) flush();
      // Prose is read as pdf.js gave it: items parted as cells (item-cuts.ts) are one line again.
      const lines = row.uncut ?? rest;
      out.push(...lines);
      prose = lines;
      continue;
    }
    // Lines that go on from a paragraph beside the cells stay with it; a paragraph with no line on this row
    // (a margin label at its own pitch) stays open for the rows below.
    const own = rest.filter((l) => !flowing.includes(l));
    out.push(...rest.filter((l) => flowing.includes(l)));
    if (flowing.length > 0) prose = rest.filter((l) => flowing.includes(l));
    let before: PdfLine[] | undefined;
    for (const l of own) {
      const c = [{ ...l, cell: cell++ }];
      rowAt.set(c[0]!, i);
      if (before) leftOf.set(c, before);
      cells.push(c);
      before = c;
    }
  }
  flush();
  return cell;
}

/**
 * A cell's text wraps onto the next line of its column: at line pitch, in the same type, overlapping it,
 * words on both, and the line above not ending its sentence ("Attach Form(s)" / "W-2 here. Also").
 */
function wrapsInto(
  last: PdfLine,
  l: PdfLine,
  rowSize = 0,
  pitchEm = WRAP_PITCH_EM,
  pastSentence = false,
): boolean {
  const pitch = l.baseline - last.baseline;
  return (
    pitch > 0.5 * l.size &&
    // A cell in smaller type than its row's is set at the rows' pitch ("Head of household… If" / "the
    // qualifying person…", 6.8 pt type on 11 pt steps beside 8 pt rows): that pitch is the row type's.
    pitch <= pitchEm * Math.max(l.size, rowSize) &&
    Math.abs(last.size - l.size) <= 0.05 * l.size &&
    last.bold === l.bold &&
    columnOf([last], l) &&
    /\p{L}/u.test(last.text) &&
    /\p{L}/u.test(l.text) &&
    // A form line's sub-item letter is a cell as its line number is ("b" over "c" in the letters' column):
    // no word of a label.
    !SUB_LETTER.test(last.text) &&
    !SUB_LETTER.test(l.text) &&
    (!TERMINATOR.test(last.text) || (pastSentence && wrapsPastSentence(last, l)))
  );
}

/**
 * Whether a line continues a cell: it wraps into its last line, at no more than the cell's own pitch. A line
 * alone on its row may stand a little further down (`LONE_WRAP_PITCH_EM`): an infobox sets its values' lines
 * at 1.49 em ("Marvel" / "Entertainment[1]"), where a form's rows of several cells 1.5 em apart are each a row.
 */
function cellGoesOn(c: PdfLine[], l: PdfLine, rowSize = 0, lone?: PdfLine[][]): boolean {
  const last = c[c.length - 1]!;
  if (pastOwnPitch(c, l)) return false;
  // Only where the line's first word would not have fitted on the line above within its column: values
  // listed one a line ("Dan Slott" / "Mark Hoffmeier") are set at the same pitch.
  const pitchEm = lone && !fitsAbove(lone, last, l) ? LONE_WRAP_PITCH_EM : WRAP_PITCH_EM;
  // A note goes on past a sentence end only in the same weight: a bold label ending "(vol. 1):" has its
  // value under it, not its next words.
  return (
    wrapsInto(last, l, rowSize, pitchEm, true) ||
    (atOwnPitch(c, l) && wrapsInto({ ...last, bold: l.bold }, l, rowSize, pitchEm))
  );
}

/** Whether a line continues one of the open cells (`lone`: the open cells, when the line is alone on its row). */
const cellsWrap = (cells: PdfLine[][], l: PdfLine, rowSize = 0, lone?: PdfLine[][]) =>
  cells.some((c) => cellGoesOn(c, l, rowSize, lone));

/** Whether the first word of a line would have fitted after the line above, within the column's right edge. */
function fitsAbove(cells: PdfLine[][], last: PdfLine, l: PdfLine): boolean {
  let right = last.x + last.w;
  for (const c of cells) for (const o of c) if (columnOf([o], l)) right = Math.max(right, o.x + o.w);
  const word = l.text.split(/\s/)[0] ?? '';
  const perChar = l.w / Math.max(1, l.text.length);
  return last.x + last.w + perChar * (word.length + 1) <= right;
}

/** A line below a cell is in its column when their x-ranges overlap. */
const columnOf = (c: PdfLine[], l: PdfLine) => {
  const first = c[0]!;
  return Math.min(first.x + first.w, l.x + l.w) - Math.max(first.x, l.x) > 0;
};
