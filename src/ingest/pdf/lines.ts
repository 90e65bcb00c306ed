/**
 * pdf.js text items → lines. Items are placed in viewer space (origin top-left, PDF points), grouped into
 * rows by baseline, rows split into segments at wide gaps (column gutters), and the items of a segment joined
 * by their x-gaps: a space only where the gap is wide enough to be one, never "add a space between items".
 */
import { normalizeText } from '../normalize.ts';
import { foldGlyphText } from './glyph-text.ts';
import type { Rule } from './rules.ts';
import { multiply } from './transform.ts';

/** The fields of a pdf.js TextItem we use (kept structural, so tests can feed plain objects). */
export interface RawItem {
  str: string;
  dir: string;
  width: number;
  transform: number[];
  fontName: string;
}

export interface FontStyle {
  ascent: number;
  descent: number;
}

export interface FontFlags {
  bold: boolean;
  italic: boolean;
  /** A barcode font (Code 39, Code 128, EAN…): its "text" is bars, not words. */
  barcode?: boolean;
}

/**
 * Private-use code points (U+E000–U+F8FF and planes 15–16): icon, symbol and barcode fonts map their glyphs
 * here. They are not text anyone can read or search, so they are dropped before lines are built.
 */
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]+/gu;

export interface PdfLine {
  page: number;
  text: string;
  /** Left edge, top, width, height in viewer space (PDF points, y down from the top of the page). */
  x: number;
  top: number;
  w: number;
  h: number;
  /** Baseline, y down from the top. */
  baseline: number;
  /** Dominant font size (points), by characters. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Reading-order flow on its page (a column or a full-width band); set by the layout step. */
  flow: number;
  /** Set on the lines of a side box (pdf/side-boxes.ts): which box of its page. */
  aside?: number;
  /** Read right to left (Arabic, Hebrew): indents and short last lines are on the other side. */
  rtl?: boolean;
  /** Set on the lines of a table or form cell (pdf/table-cells.ts): which cell of its page. */
  cell?: number;
  /**
   * The pdf.js items a segment of two or more was joined from, left to right (`at`: where each starts in
   * `text`): form cells set against each other with no gap are told apart there (pdf/item-cuts.ts).
   */
  pieces?: Piece[];
  /** A vertical rule drawn between this segment and the one before it on its row (a cell's border). */
  ruled?: boolean;
  /**
   * Set at an oblique angle (a watermark or stamp across the page, "DRAFT" at 45°): not part of the text's
   * flow; the layout step leaves it out as it leaves out running headers.
   */
  watermark?: boolean;
}

/** One pdf.js item of a line: where it starts in the line's text, its x-range, size and weight. */
export interface Piece {
  at: number;
  x: number;
  w: number;
  base: number;
  size: number;
  bold: boolean;
}

interface Glyphs {
  str: string;
  /** White space only: pdf.js's stand-in for a wide gap or a space glyph drawn on its own. */
  blank: boolean;
  x: number;
  base: number;
  w: number;
  size: number;
  bold: boolean;
  italic: boolean;
  rtl: boolean;
  ascent: number;
  descent: number;
  /** The right part of an item cut at a wall (splitAtWalls): its text ran across the rule. */
  split?: boolean;
}

/**
 * A gap wider than this share of the font size is a word space. Helvetica's space is 0.278 em and Times'
 * 0.25 em; kerning and letter-by-letter placement stay below ~0.1 em. 0.2 sits between them.
 */
export const SPACE_GAP_EM = 0.2;
/**
 * A gap wider than this splits a row into separate segments (so columns can be told apart). Column gutters
 * are rarely under 1.2 em; justified word spaces rarely over 0.9 em. Same-flow segments are re-joined later.
 */
export const SEGMENT_GAP_EM = 1.0;
/** Items whose baselines differ by less than this share of the font size are on one row (superscripts too). */
const SAME_ROW_EM = 0.5;

export function itemsToLines(
  items: RawItem[],
  styles: Record<string, FontStyle | undefined>,
  viewport: number[],
  page: number,
  fontOf: (fontName: string) => FontFlags,
  /** Vertical ruling lines of the page (pdf/rules.ts): text on either side of one is never one segment. */
  walls: Rule[] = [],
  /** Filled with the row gaps that may part two cells (see looseGaps), to decide whether to read rules. */
  loose?: LooseGap[],
): PdfLine[] {
  const glyphs: Glyphs[] = [];
  const oblique = new Set<number>();
  for (const item of items) {
    if (item.str.length === 0) continue; // pdf.js marks line ends with empty items
    const flags = fontOf(item.fontName);
    if (flags.barcode) continue;
    const visible = item.str.replace(PRIVATE_USE, '');
    if (visible !== item.str && visible.trim().length === 0) continue; // only private-use glyphs
    const str = foldGlyphText(visible);
    const t = multiply(viewport, item.transform);
    const size = Math.hypot(t[2]!, t[3]!) || Math.hypot(t[0]!, t[1]!) || 1;
    const scale = Math.hypot(viewport[0]!, viewport[1]!) || 1;
    const style = styles[item.fontName];
    if (isOblique(t)) oblique.add(glyphs.length);
    glyphs.push({
      str,
      blank: str.trim().length === 0,
      x: t[4]!,
      base: t[5]!,
      w: Math.abs(item.width) * scale,
      size,
      bold: flags.bold,
      italic: flags.italic,
      rtl: item.dir === 'rtl',
      ascent: style?.ascent && style.ascent > 0 ? style.ascent : 0.8,
      descent: style?.descent && style.descent < 0 ? style.descent : -0.2,
    });
  }
  const watermark = watermarkOf(glyphs, oblique);
  if (walls.length > 0) splitAtWalls(glyphs, walls);
  glyphs.sort((p, q) => p.base - q.base || p.x - q.x);
  const lines: PdfLine[] = [];
  let row: Glyphs[] = [];
  for (const g of glyphs) {
    const first = row[0];
    if (first && Math.abs(g.base - first.base) > SAME_ROW_EM * Math.max(first.size, g.size)) {
      rowToLines(row, page, lines, walls);
      if (loose) looseGaps(row, loose);
      row = [];
    }
    row.push(g);
  }
  if (row.length > 0) {
    rowToLines(row, page, lines, walls);
    if (loose) looseGaps(row, loose);
  }
  // Each watermark item is a line of its own (a diagonal's items share no row), marked for the layout step.
  for (const g of watermark) {
    const from = lines.length;
    rowToLines([g], page, lines, []);
    for (let k = from; k < lines.length; k++) lines[k]!.watermark = true;
  }
  return lines;
}

/** A watermark's type is at least this many times the page's text (48 pt over 11 pt body). */
const WATERMARK_RATIO = 2;

/**
 * A watermark: oblique text ("DRAFT", "test pdf watermark" at 45°) in type over twice the page's upright
 * text's (by characters). Taken out of `glyphs`. Smaller oblique text (a chart's slanted axis labels, a
 * rotated box) stays with the rest, and so does all of it on a page with no upright text.
 */
function watermarkOf(glyphs: Glyphs[], oblique: Set<number>): Glyphs[] {
  if (oblique.size === 0) return [];
  const sizes = new Map<number, number>();
  let chars = 0;
  glyphs.forEach((g, i) => {
    if (oblique.has(i) || g.blank) return;
    sizes.set(g.size, (sizes.get(g.size) ?? 0) + g.str.length);
    chars += g.str.length;
  });
  let upright = 0;
  let seen = 0;
  for (const [size, n] of [...sizes].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen >= chars / 2) {
      upright = size;
      break;
    }
  }
  if (upright === 0) return [];
  const out: Glyphs[] = [];
  const kept: Glyphs[] = [];
  glyphs.forEach((g, i) => {
    (oblique.has(i) && g.size >= WATERMARK_RATIO * upright ? out : kept).push(g);
  });
  glyphs.splice(0, glyphs.length, ...kept);
  return out.filter((g) => !g.blank);
}

/** Baselines turned more than this many degrees off the page's axes are oblique (a 45° watermark). */
const OBLIQUE_DEG = 10;

/** Whether text set with this viewer-space matrix runs at an angle that is neither horizontal nor vertical. */
function isOblique(t: number[]): boolean {
  const deg = (Math.atan2(t[1]!, t[0]!) * 180) / Math.PI;
  const off = ((((deg % 90) + 90) % 90) + 90) % 90;
  return off > OBLIQUE_DEG && off < 90 - OBLIQUE_DEG;
}

/** A gap between two text items of a row, in viewer space. */
export interface LooseGap {
  x0: number;
  x1: number;
  baseline: number;
  size: number;
}

/** A gap this wide (ems) may part two cells: a bordered cell's padding is ~0.5 em, a word space ~0.25. */
const LOOSE_GAP_EM = 0.4;

/**
 * Gaps of a row between text items that stand apart more than words do: where cells of a table may meet.
 * Cheap evidence, read before deciding whether a page's ruling lines are worth its operator list. (pdf.js
 * joins text closer than ~0.6 em into one item, so cells closer than that are not seen here: a table of
 * them shows anyway where a shorter cell leaves a wider gap.)
 */
function looseGaps(row: Glyphs[], out: LooseGap[]): void {
  const seen = row.filter((g) => !g.blank).sort((p, q) => p.x - q.x);
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1]!, seen[i]!];
    const size = Math.max(a.size, b.size);
    if (b.x - (a.x + a.w) >= LOOSE_GAP_EM * size)
      out.push({ x0: a.x + a.w, x1: b.x, baseline: b.base, size });
  }
}

/**
 * pdf.js joins text less than ~0.6 em apart into one item, so two cells a few points apart can arrive as one
 * string ("Albania 2020 National Cyber Security Authority"). Where a wall stands inside an item, the item is
 * cut at the space whose place, estimated from its share of the characters, is nearest the wall (within an
 * em): the wall stands in a gap between words, never inside a word.
 */
function splitAtWalls(glyphs: Glyphs[], walls: Rule[]): void {
  const n = glyphs.length;
  for (let i = 0; i < n; i++) {
    let g = glyphs[i]!;
    if (g.blank || g.rtl || !g.str.includes(' ')) continue;
    const mid = g.base - 0.3 * g.size;
    const inside = walls
      .filter((r) => r.y0 <= mid && r.y1 >= mid)
      .map((r) => (r.x0 + r.x1) / 2)
      .filter((x) => x > g.x + 0.5 * g.size && x < g.x + g.w - 0.5 * g.size)
      .sort((a, b) => b - a);
    for (const x of inside) {
      const perChar = g.w / g.str.length;
      let best = -1;
      for (let k = g.str.indexOf(' '); k >= 0; k = g.str.indexOf(' ', k + 1)) {
        if (best < 0 || Math.abs(g.x + (k + 0.5) * perChar - x) < Math.abs(g.x + (best + 0.5) * perChar - x))
          best = k;
      }
      if (best <= 0 || best >= g.str.length - 1 || Math.abs(g.x + (best + 0.5) * perChar - x) > g.size)
        continue;
      const tail = g.str.slice(best + 1);
      // The right part starts just right of the wall, so the two stand apart at it.
      const right = {
        ...g,
        split: true,
        str: tail,
        x: Math.max(x + 0.01, g.x + (best + 1) * perChar),
        w: tail.length * perChar,
      };
      glyphs.push(right);
      g = { ...g, str: g.str.slice(0, best), w: Math.min(best * perChar, x - 0.01 - g.x) };
      glyphs[i] = g;
    }
  }
}

/** The walls standing across a row's x-height (a cell's border beside its text, not a rule above or below). */
function wallsOf(row: Glyphs[], walls: Rule[]): Rule[] {
  if (walls.length === 0) return walls;
  const size = Math.max(...row.map((g) => g.size));
  const mid = Math.max(...row.map((g) => g.base)) - 0.3 * size;
  return walls.filter((r) => r.y0 <= mid && r.y1 >= mid);
}

/** Whether a wall stands between two glyphs next to each other on a row (a little overlap allowed). */
function walled(a: Glyphs, b: Glyphs, walls: Rule[], rtl: boolean): boolean {
  const [left, right] = rtl ? [b, a] : [a, b];
  const from = left.x + left.w - 0.15 * left.size;
  const to = right.x + 0.15 * right.size;
  return walls.some((r) => (r.x0 + r.x1) / 2 > from && (r.x0 + r.x1) / 2 < to);
}

function rowToLines(row: Glyphs[], page: number, out: PdfLine[], allWalls: Rule[]): void {
  const walls = wallsOf(row, allWalls);
  let rtlChars = 0;
  let chars = 0;
  for (const g of row) {
    chars += g.str.length;
    if (g.rtl) rtlChars += g.str.length;
  }
  const rtl = rtlChars > chars / 2;
  // Right-to-left rows are read from the right: by left edge, descending. Chromium writes a lam-alef ligature
  // as the lam's glyph and a zero-width alef at the ligature's left edge (where it ends, reading right to left):
  // on a tie the wider glyph comes first, so the alef follows its lam rather than the next letter or space.
  const rightToLeft = (p: Glyphs, q: Glyphs) => {
    const d = q.x - p.x;
    return Math.abs(d) > 0.02 * Math.max(p.size, q.size) ? d : q.w - p.w;
  };
  row.sort(rtl ? rightToLeft : (p, q) => p.x - q.x);
  // pdf.js turns a gap wider than 0.6 em into a white-space item that spans it: a table's or form's cells
  // would be bridged into one line. Blank items only say that a space stands between their neighbours.
  const even = evenlySpaced(row, rtl);
  let segment: Glyphs[] = [];
  let spaced = false;
  /** A drawn rule stands between the segment being built and the one before it. */
  let ruled = false;
  for (const g of row) {
    if (g.blank) {
      spaced = segment.length > 0;
      continue;
    }
    const prev = segment[segment.length - 1];
    if (prev) {
      const gap = rtl ? prev.x - (g.x + g.w) : g.x - (prev.x + prev.w);
      const wall = walls.length > 0 && walled(prev, g, walls, rtl);
      if ((!even && gap > SEGMENT_GAP_EM * Math.max(prev.size, g.size)) || wall) {
        pushSegment(segment, page, out, rtl, ruled);
        segment = [];
        // A cell's border stands in a gap the writer left; a rule the text ran across (cut inside one
        // item) may be a box's edge the text overflows, and decides nothing by itself.
        ruled = wall && !g.split;
      } else if (spaced && !/\s$/.test(prev.str) && !/^\s/.test(g.str)) g.str = ` ${g.str}`;
    }
    spaced = false;
    segment.push(g);
  }
  if (segment.length > 0) pushSegment(segment, page, out, rtl, ruled);
}

/** Word gaps of one justified line differ by less than this share of the font size. */
const JUSTIFIED_SPREAD_EM = 0.15;

/**
 * A justified line of a narrow column spreads its words evenly, sometimes over an em apart: three or more
 * equal wide gaps are word spaces, not column or cell boundaries (a row of a table has unequal gaps). Its
 * words are then spread one by one, so text of several words in one item is a cell, not a justified word
 * ("62 | 2010 estimated tax payments… | 62": two equal gaps, table-cells.ts's isJustified says the same).
 */
function evenlySpaced(row: Glyphs[], rtl: boolean): boolean {
  const wide: number[] = [];
  let prev: Glyphs | undefined;
  for (const g of row) {
    if (g.blank) continue;
    if (/\s/.test(g.str.trim())) return false;
    if (prev) {
      const gap = rtl ? prev.x - (g.x + g.w) : g.x - (prev.x + prev.w);
      if (gap > SEGMENT_GAP_EM * Math.max(prev.size, g.size)) wide.push(gap / g.size);
    }
    prev = g;
  }
  return wide.length >= 2 && Math.max(...wide) - Math.min(...wide) <= JUSTIFIED_SPREAD_EM;
}

function pushSegment(segment: Glyphs[], page: number, out: PdfLine[], rtl: boolean, ruled = false): void {
  let text = '';
  let prev: Glyphs | undefined;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  const sizeChars = new Map<number, number>();
  let boldChars = 0;
  let italicChars = 0;
  let chars = 0;
  let baseline = Number.NEGATIVE_INFINITY;
  const raw: Array<{ before: string; g: Glyphs }> = [];
  for (const g of segment) {
    if (prev) {
      // Fake bold: the same text drawn twice, a fraction of a point apart.
      if (g.str === prev.str && Math.abs(g.x - prev.x) < 0.2 * g.size) continue;
      const gap = Math.max(g.x - (prev.x + prev.w), prev.x - (g.x + g.w));
      const spaced = /\s$/.test(text) || /^\s/.test(g.str);
      if (!spaced && gap > SPACE_GAP_EM * Math.min(prev.size, g.size)) text += ' ';
    }
    raw.push({ before: text, g });
    text += g.str;
    prev = g;
    left = Math.min(left, g.x);
    right = Math.max(right, g.x + g.w);
    top = Math.min(top, g.base - g.ascent * g.size);
    bottom = Math.max(bottom, g.base - g.descent * g.size);
    const n = g.str.trim().length;
    const key = Math.round(g.size * 10) / 10;
    sizeChars.set(key, (sizeChars.get(key) ?? 0) + n);
    chars += n;
    if (g.bold) boldChars += n;
    if (g.italic) italicChars += n;
    baseline = Math.max(baseline, g.base);
  }
  // A soft hyphen that ends a line is a hyphenation point: make it visible so the paragraph step can join.
  const clean = normalizeText(text.replace(/\u00ad\s*$/, '-'));
  if (clean.length === 0) return;
  let size = 0;
  let most = -1;
  for (const [s, n] of sizeChars) {
    if (n > most) {
      most = n;
      size = s;
    }
  }
  out.push({
    page,
    text: clean,
    x: left,
    top,
    w: Math.max(0, right - left),
    h: Math.max(0, bottom - top),
    baseline,
    size,
    bold: chars > 0 && boldChars > chars / 2,
    italic: chars > 0 && italicChars > chars / 2,
    flow: 0,
    ...(rtl ? { rtl } : {}),
    ...(ruled ? { ruled } : {}),
    ...(raw.length >= 2 && !rtl ? piecesOf(raw, clean) : {}),
  });
}

/** Where each item of a left-to-right segment starts in its normalised text (none when that cannot be told). */
function piecesOf(raw: Array<{ before: string; g: Glyphs }>, clean: string): { pieces?: Piece[] } {
  const pieces: Piece[] = [];
  // Each item's normalised prefix, grown by the text added since the item before: normalising every prefix
  // whole was quadratic on lines drawn glyph by glyph. A mark that composes with the text before it (NFC
  // across the join) is normalised with it, the rare case.
  let prefix = '';
  let read = 0;
  /** White space stood after the prefix's last character: a space before the next text. */
  let space = false;
  for (const { before, g } of raw) {
    const added = before.slice(read);
    read = before.length;
    if (/^[\p{M}\u1160-\u11ff]/u.test(added)) {
      prefix = normalizeText(before);
      space = /\s$/.test(before);
    } else {
      const text = normalizeText(added);
      const lead = normalizeText(`x${added}`) !== `x${text}`;
      const trail = normalizeText(`${added}x`) !== `${text}x`;
      if (text.length === 0) space ||= prefix.length > 0 && /[^\S\ufeff]/.test(added.replace(/\u00ad/g, ''));
      else {
        prefix = prefix.length === 0 ? text : `${prefix}${space || lead ? ' ' : ''}${text}`;
        space = trail;
      }
    }
    if (!clean.startsWith(prefix)) return {};
    pieces.push({ at: prefix.length, x: g.x, w: g.w, base: g.base, size: g.size, bold: g.bold });
  }
  return { pieces };
}

/**
 * The type size of the median character of these lines: the body text's size (a page with two lines of text
 * and three of margins has one); `fallback` when there are none.
 */
export function medianCharSize(lines: Iterable<PdfLine>, fallback = 10): number {
  const sizes = new Map<number, number>();
  let chars = 0;
  for (const l of lines) {
    sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
    chars += l.text.length;
  }
  let seen = 0;
  for (const [size, n] of [...sizes].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen >= chars / 2) return size;
  }
  return fallback;
}
