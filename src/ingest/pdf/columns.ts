/**
 * Reading order on a page. Two-column pages are found by a vertical gutter: an x-range in the middle of the
 * text area that no narrow line crosses, with several lines wholly on each side at overlapping heights.
 * Lines that cross the gutter (titles, full-width paragraphs) split the page into bands; each band is read
 * left column first, then right column.
 */
import type { PdfLine } from './lines.ts';
import { findCells } from './table-cells.ts';

/** Lines wider than this share of the text area are full-width; they cannot be in one column of two. */
const NARROW_SHARE = 0.6;
/** The gutter lies within the middle of the text area, not in its outer 15 % on either side. */
const GUTTER_SEARCH_MARGIN = 0.15;
/** Several lines on each side, or it is more likely a table row or a caption next to a figure. */
const MIN_LINES_PER_SIDE = 3;
/** A page's weakly supported gutter must lie this close to the document's usual one. */
const HINT_DISTANCE_PT = 15;
/** A gutter may be crossed by a few narrow lines (a centred title): up to this share of narrow lines. */
const CROSSING_TOLERANCE = 0.1;

export interface Gutter {
  x0: number;
  x1: number;
}

/**
 * The gutter of a page on its own evidence. `hint` is the gutter most other pages of the document have: a
 * page with a short second column (the last page of a section) is then accepted with one line per side.
 */
export function findGutter(lines: PdfLine[], bodySize: number, hint: Gutter | null = null): Gutter | null {
  const own = detectGutter(lines, bodySize, MIN_LINES_PER_SIDE);
  if (own || !hint) return own;
  const weak = detectGutter(lines, bodySize, 1);
  return weak && Math.abs(centre(weak) - centre(hint)) <= HINT_DISTANCE_PT ? weak : null;
}

const centre = (g: Gutter) => (g.x0 + g.x1) / 2;

function sidesOk(lines: PdfLine[], g: Gutter, perSide: number, bodySize: number): boolean {
  let crossing = 0;
  const leftSide: PdfLine[] = [];
  const rightSide: PdfLine[] = [];
  for (const l of lines) {
    if (l.x + l.w <= g.x0 + 1) leftSide.push(l);
    else if (l.x >= g.x1 - 1) rightSide.push(l);
    else crossing += 1;
  }
  if (crossing > lines.length * CROSSING_TOLERANCE) return false;
  if (leftSide.length < perSide || rightSide.length < perSide) return false;
  if (tableColumn(leftSide, rightSide, g) || tableColumn(rightSide, leftSide, g)) return false;
  // Text on both sides across many lines: the two sides must overlap vertically.
  const span = (side: PdfLine[]) => [
    Math.min(...side.map((l) => l.top)),
    Math.max(...side.map((l) => l.top + l.h)),
  ];
  const [lt, lb] = span(leftSide);
  const [rt, rb] = span(rightSide);
  return Math.min(lb!, rb!) - Math.max(lt!, rt!) > (perSide > 1 ? 2 * bodySize : 0);
}

/** A column this narrow (share of the text width) beside the other side's rows is a table's column. */
const TABLE_COLUMN_SHARE = 0.15;

/**
 * A narrow side whose lines nearly all stand on the baselines of the other side's lines is a table's last
 * (or first) column — "Adopted", "Draft" beside the rows they end — not a column of text to read on its own.
 */
function tableColumn(side: PdfLine[], other: PdfLine[], g: Gutter): boolean {
  const left = Math.min(...[...side, ...other].map((l) => l.x));
  const right = Math.max(...[...side, ...other].map((l) => l.x + l.w));
  const widths = side.map((l) => l.w).sort((a, b) => a - b);
  if (widths[Math.floor(widths.length / 2)]! > TABLE_COLUMN_SHARE * (right - left)) return false;
  const level = side.filter((l) =>
    other.some((o) => Math.abs(o.baseline - l.baseline) < 0.5 * Math.max(o.size, l.size)),
  ).length;
  return g.x1 > g.x0 && level >= 0.8 * side.length;
}

function detectGutter(lines: PdfLine[], bodySize: number, perSide: number): Gutter | null {
  if (lines.length < 2 * perSide) return null;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const l of lines) {
    left = Math.min(left, l.x);
    right = Math.max(right, l.x + l.w);
  }
  const width = right - left;
  if (width <= 0) return null;
  const narrow = lines.filter((l) => l.w < NARROW_SHARE * width);
  if (narrow.length < 2 * perSide) return null;
  const bins = Math.ceil(width) + 1;
  const cover = new Uint16Array(bins);
  for (const l of narrow) {
    const a = Math.max(0, Math.floor(l.x - left));
    const b = Math.min(bins - 1, Math.ceil(l.x + l.w - left));
    for (let i = a; i <= b; i++) cover[i]! += 1;
  }
  // First a gutter no narrow line crosses; failing that, one that a few lines (a centred title) cross. Not
  // both at once: with tolerance, a short second column would itself count as "crossing" noise.
  for (const allowed of [0, Math.floor(narrow.length * CROSSING_TOLERANCE)]) {
    const g = widestOpenRun(cover, allowed, width, left, bodySize);
    if (g && sidesOk(narrow, g, perSide, bodySize)) return g;
    if (allowed === 0 && narrow.length * CROSSING_TOLERANCE < 1) break;
  }
  return null;
}

function widestOpenRun(cover: Uint16Array, allowed: number, width: number, left: number, bodySize: number) {
  const from = Math.floor(width * GUTTER_SEARCH_MARGIN);
  const to = Math.ceil(width * (1 - GUTTER_SEARCH_MARGIN));
  // A gutter is at least about half an em wide (and never under 6 pt).
  const minWidth = Math.max(6, 0.5 * bodySize);
  let best: Gutter | null = null;
  let runStart = -1;
  for (let i = from; i <= to + 1; i++) {
    const open = i <= to && cover[i]! <= allowed;
    if (open && runStart < 0) runStart = i;
    if (!open && runStart >= 0) {
      const len = i - runStart;
      if (len >= minWidth && (!best || len > best.x1 - best.x0)) best = { x0: left + runStart, x1: left + i };
      runStart = -1;
    }
  }
  return best;
}

/** The gutter most pages agree on (centres within HINT_DISTANCE_PT), if at least two pages have one. */
export function commonGutter(gutters: Array<Gutter | null>): Gutter | null {
  const found = gutters.filter((g): g is Gutter => g !== null);
  let best: Gutter | null = null;
  let bestVotes = 1;
  for (const g of found) {
    const votes = found.filter((o) => Math.abs(centre(o) - centre(g)) <= HINT_DISTANCE_PT).length;
    if (votes > bestVotes) {
      best = g;
      bestVotes = votes;
    }
    if (bestVotes > found.length / 2) break; // a majority: good enough, and keeps this linear in practice
  }
  return best;
}

/**
 * Lines of one page in reading order, each with its `flow` set (a new flow at every column or band switch).
 * Segments of one row that ended up next to each other in the same flow are joined back into one line.
 */
export function orderPage(lines: PdfLine[], gutter: Gutter | null): PdfLine[] {
  const sorted = [...lines].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const ordered: PdfLine[] = [];
  if (!gutter) {
    for (const l of sorted) ordered.push({ ...l, flow: 0 });
    return joinRowSegments(findCells(ordered));
  }
  let flow = 0;
  let band: PdfLine[] = [];
  let spanning: PdfLine[] = [];
  const flushSpanning = () => {
    if (spanning.length === 0) return;
    for (const l of spanning) ordered.push({ ...l, flow });
    flow += 1;
    spanning = [];
  };
  const flushBand = () => {
    if (band.length === 0) return;
    const mid = (gutter.x0 + gutter.x1) / 2;
    const leftCol = band.filter((l) => l.x + l.w / 2 < mid);
    const rightCol = band.filter((l) => l.x + l.w / 2 >= mid);
    for (const col of [leftCol, rightCol]) {
      if (col.length === 0) continue;
      for (const l of col) ordered.push({ ...l, flow });
      flow += 1;
    }
    band = [];
  };
  for (const l of sorted) {
    const crosses = l.x < gutter.x0 - 1 && l.x + l.w > gutter.x1 + 1;
    if (crosses) {
      flushBand();
      spanning.push(l);
    } else {
      flushSpanning();
      band.push(l);
    }
  }
  flushBand();
  flushSpanning();
  return joinRowSegments(findCells(ordered));
}

/** Segments of one row, in one flow and outside table cells, joined back into one line (left to right). */
export function joinRowSegments(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.cell === undefined &&
      l.cell === undefined &&
      prev.flow === l.flow &&
      Math.abs(prev.baseline - l.baseline) < 0.5 * Math.max(prev.size, l.size) &&
      l.x >= prev.x + prev.w - 0.5
    ) {
      const right = l.x + l.w;
      const bottom = Math.max(prev.top + prev.h, l.top + l.h);
      const top = Math.min(prev.top, l.top);
      const longer = l.text.length > prev.text.length ? l : prev;
      out[out.length - 1] = {
        ...prev,
        text: `${prev.text} ${l.text}`,
        w: right - prev.x,
        top,
        h: bottom - top,
        baseline: Math.max(prev.baseline, l.baseline),
        size: longer.size,
        bold: longer.bold,
      };
    } else out.push(l);
  }
  return out;
}
