/**
 * Running headers, footers and page numbers: lines near the top or bottom of a page that repeat across pages
 * (compared with digits masked, so "Report 2024 — page 3" matches "Report 2024 — page 4"), and lines that are
 * only a page number ("2", "2 / 10", "Page 2 of 10", "- 2 -", "iv").
 */
import { medianCharSize, type PdfLine } from './lines.ts';

/** Headers and footers sit in the margins: within this share of the page height from the top or bottom. */
const ZONE = 0.12;
/** Only the outermost lines are candidates: a header is at most a couple of lines. */
const EDGE_LINES = 2;
/** A text that repeats on at least this share of the pages (or of the odd or even pages) is running. */
const REPEAT_SHARE = 0.5;
/** Repeated lines must also sit at the same height: within this many points of their median position. */
const SAME_PLACE_PT = 12;

const PAGE_NUMBER = [
  /^\d{1,4}$/,
  /^\d{1,4}\s*(\/|of|de|sur|из|von|\|)\s*\d{1,4}$/i,
  /^(page|p\.|pg\.?|pp\.|seite|página|pagina|стр\.?|страница|صفحة|第)\s*\d{1,4}(\s*(\/|of|de|sur|из|von)\s*\d{1,4})?\s*(页|頁)?$/i,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^[([]\s*\d{1,4}\s*[)\]]$/,
  /^[ivxlcdm]{1,7}$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

function key(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

interface Candidate {
  page: number;
  line: PdfLine;
  key: string;
  zone: 'top' | 'bottom';
}

/** The lines to drop, as a set of line objects. `pages[i]` are the lines of page i+1 in any order. */
export function findRunningLines(pages: PdfLine[][], heights: number[]): Set<PdfLine> {
  const drop = new Set<PdfLine>();
  const candidates: Candidate[] = [];
  pages.forEach((lines, i) => {
    const height = heights[i] ?? 842;
    const byTop = [...lines].sort((a, b) => a.top - b.top);
    const top = byTop.slice(0, EDGE_LINES).filter((l) => l.top + l.h < height * ZONE);
    // A footer stands on its baseline in the margin; its ascent may reach above it (LaTeX sets the page
    // number 30 pt under a text block that ends at ~87 % of an A4 page).
    const bottom = byTop.slice(-EDGE_LINES).filter((l) => l.baseline > height * (1 - ZONE));
    for (const [zone, list] of [
      ['top', top],
      ['bottom', bottom],
    ] as const) {
      for (const line of list) {
        if (isPageNumber(line.text)) drop.add(line);
        else candidates.push({ page: i + 1, line, key: `${zone}:${key(line.text)}`, zone });
      }
    }
  });
  const pageCount = pages.length;
  if (pageCount < 2) {
    dropPrintMargins(pages[0] ?? [], candidates, drop);
    dropTopMargins(pages, candidates, drop);
    return drop;
  }
  dropNumberedRunningLines(candidates, pageCount, drop);
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = groups.get(c.key);
    if (list) list.push(c);
    else groups.set(c.key, [c]);
  }
  const odd = Math.ceil(pageCount / 2);
  const even = Math.floor(pageCount / 2);
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const tops = list.map((c) => c.line.top).sort((a, b) => a - b);
    const median = tops[Math.floor(tops.length / 2)]!;
    const placed = list.filter((c) => Math.abs(c.line.top - median) <= SAME_PLACE_PT);
    const pagesWith = new Set(placed.map((c) => c.page));
    // Repeated means on two pages at least: a letterhead atop page 1 whose words a page-2 header repeats
    // elsewhere on the page is no running line.
    if (pagesWith.size < 2) continue;
    const oddWith = [...pagesWith].filter((p) => p % 2 === 1).length;
    const evenWith = pagesWith.size - oddWith;
    // Books alternate headers (title on left pages, chapter on right pages): count each parity too.
    const running =
      pagesWith.size >= REPEAT_SHARE * pageCount ||
      (pageCount >= 4 && (oddWith >= REPEAT_SHARE * odd + 1 || evenWith >= REPEAT_SHARE * even + 1));
    if (running) for (const c of placed) drop.add(c.line);
  }
  dropTopMargins(pages, candidates, drop);
  return drop;
}

/** At least this many pages must agree before a header with a page number is trusted (a chance match is rare). */
const MIN_NUMBERED_PAGES = 3;

/**
 * Headers that change with the chapter but carry the printed page number ("Chapter 3: Utilities 7"): the
 * number at either end of the line minus the page's index is the same offset on many pages.
 */
function dropNumberedRunningLines(candidates: Candidate[], pageCount: number, drop: Set<PdfLine>): void {
  const byOffset = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const m = /^(\d{1,4})\b|\b(\d{1,4})$/.exec(c.line.text);
    if (!m) continue;
    const n = Number(m[1] ?? m[2]);
    const k = `${c.zone}:${m[1] ? 'start' : 'end'}:${n - c.page}`;
    byOffset.set(k, [...(byOffset.get(k) ?? []), c]);
  }
  for (const list of byOffset.values()) {
    const pages = new Set(list.map((c) => c.page)).size;
    if (pages >= MIN_NUMBERED_PAGES && pages >= 0.3 * pageCount) for (const c of list) drop.add(c.line);
  }
}

/** Type this much smaller than the page's body text is margin matter, not a title of the document. */
const MARGIN_TYPE_SHARE = 0.9;

/**
 * A one-page file has nothing to repeat, but a browser or word processor prints its header (the title, the
 * date) in the margins in the same small type as the page number it prints there ("1 / 1"). So, once a page
 * number is found in the margins: the other margin lines set in its type size, smaller than the body text,
 * are running lines too. A document's own title is set larger than the body and stays.
 */
function dropPrintMargins(lines: PdfLine[], candidates: Candidate[], drop: Set<PdfLine>): void {
  const numbers = lines.filter((l) => drop.has(l));
  if (numbers.length === 0 || candidates.length === 0) return;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)]!;
  for (const c of candidates) {
    const size = c.line.size;
    if (size >= MARGIN_TYPE_SHARE * body) continue;
    if (numbers.some((n) => Math.abs(n.size - size) <= 0.05 * size)) drop.add(c.line);
  }
}

const NUMBER_ONLY = /^[^\p{L}]*\d[^\p{L}]*$/u;
/** Empty space of this many ems of the body's type between a header and the text under it (a paragraph gap is ~1). */
const HEADER_GAP_EM = 2;

/**
 * A header that nothing repeats (the title a document prints from its second page on, on a two-page file; a
 * one-page print's title): on a page whose margins hold its page number, a top-margin line in type smaller than
 * the page's body and standing apart from the text under it by a wide gap is margin matter. Only at the top:
 * at the foot, the last line of a footnote in small type sits just above the page number.
 */
function dropTopMargins(pages: PdfLine[][], candidates: Candidate[], drop: Set<PdfLine>): void {
  pages.forEach((lines, i) => {
    const top = candidates.filter((c) => c.page === i + 1 && c.zone === 'top' && !drop.has(c.line));
    // The page number: as isPageNumber reads it, or a repeated margin line of digits whose separator glyph
    // the font lacks ("2 2" for "2 / 2").
    if (top.length === 0 || !lines.some((l) => drop.has(l) && NUMBER_ONLY.test(l.text))) return;
    const body = medianCharSize(lines);
    for (const c of top) {
      const { line } = c;
      if (line.size >= MARGIN_TYPE_SHARE * body) continue;
      // Baselines, not boxes: a font's ascent and descent (Arabic ones are tall) say little of the ink.
      const below = lines.filter((l) => l.baseline > line.baseline + 0.5 * line.size);
      if (below.length === 0) continue;
      // The gap from the header's baseline to the top of the next line's letters (about its size above its
      // baseline): a letterhead above a large title stands as far from its baseline as a header from the body's.
      const next = Math.min(...below.map((l) => l.baseline - l.size));
      if (next - line.baseline >= HEADER_GAP_EM * body) drop.add(line);
    }
  });
}
