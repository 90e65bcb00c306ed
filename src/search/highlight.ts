/**
 * Markers an engine puts around matched tokens (FTS5's snippet/highlight, PostgreSQL's ts_headline);
 * private-use characters, replaced by <mark> after escaping.
 */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** FTS5-marked text → HTML: everything escaped, marked words wrapped in <mark>. */
export function markedToHtml(marked: string): string {
  return escapeHtml(marked).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

/**
 * Most matches marked in one paragraph: a reader cannot use more, and a hostile paragraph repeating one
 * word 100,000 times would otherwise send (and make the browser draw) as many marks.
 */
export const MAX_PARAGRAPH_HIGHLIGHTS = 1000;

/**
 * FTS5-marked text → the plain text and the [start, end) offsets of each marked run (the first
 * `maxRanges`). Cuts at the markers with indexOf rather than walking characters (a 2 MB paragraph).
 */
export function markedToOffsets(
  marked: string,
  maxRanges = MAX_PARAGRAPH_HIGHLIGHTS,
): { text: string; ranges: { start: number; end: number }[]; capped: boolean } {
  const parts: string[] = [];
  const ranges: { start: number; end: number }[] = [];
  let length = 0;
  let capped = false;
  for (let at = 0; at < marked.length; ) {
    const open = marked.indexOf(MARK_OPEN, at);
    if (open < 0) {
      parts.push(marked.slice(at));
      break;
    }
    const close = marked.indexOf(MARK_CLOSE, open + 1);
    const word = marked.slice(open + 1, close < 0 ? marked.length : close);
    const before = marked.slice(at, open);
    parts.push(before, word);
    length += before.length;
    if (ranges.length < maxRanges) ranges.push({ start: length, end: length + word.length });
    else capped = true;
    length += word.length;
    at = close < 0 ? marked.length : close + 1;
  }
  return { text: parts.join(''), ranges, capped };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern per term: CJK terms as written, other words at a word start (prefixes: plus the word's rest). */
export function termPatterns(terms: { text: string; prefix: boolean }[]): RegExp[] {
  return terms.map(({ text, prefix }) => {
    const body = escapeRegExp(text);
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text))
      return new RegExp(body, 'gu');
    return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? '[\\p{L}\\p{N}]*' : ''}`, 'giu');
  });
}

/**
 * Marks the matches of some patterns in a text (terms FTS5 is not asked about: CJK, prefixes),
 * returning the marked text cut to a window around the first match, and all match ranges.
 */
export function markPatterns(
  text: string,
  patterns: RegExp[],
  { window = 80, maxRanges = MAX_PARAGRAPH_HIGHLIGHTS }: { window?: number; maxRanges?: number } = {},
): { marked: string; ranges: { start: number; end: number }[]; terms: number; capped: boolean } {
  const ranges: { start: number; end: number }[] = [];
  let terms = 0;
  let capped = false;
  for (const re of patterns) {
    let found = 0;
    for (const m of text.matchAll(re)) {
      if (!m[0]) continue;
      // Each pattern's first matches are enough: the window is around the earliest, and the ranges
      // returned are capped anyway.
      if (found++ >= maxRanges) {
        capped = true;
        break;
      }
      ranges.push({ start: m.index, end: m.index + m[0].length });
    }
    if (found) terms++;
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  if (merged.length > maxRanges) capped = true;
  return { marked: markRanges(text, merged, window), ranges: merged.slice(0, maxRanges), terms, capped };
}

/**
 * A text cut to a window around its first range (`window` characters before, twice that after), the
 * ranges inside it marked with MARK_OPEN/MARK_CLOSE; no range: the start of the text. Ranges are sorted
 * and do not overlap.
 */
export function markRanges(text: string, ranges: { start: number; end: number }[], window = 80): string {
  const from = Math.max(0, (ranges[0]?.start ?? 0) - window);
  const to = Math.min(text.length, (ranges[0]?.end ?? 0) + window * 2);
  let marked = from > 0 ? '…' : '';
  let pos = from;
  for (const r of ranges) {
    if (r.start < from || r.end > to) continue;
    marked += text.slice(pos, r.start) + MARK_OPEN + text.slice(r.start, r.end) + MARK_CLOSE;
    pos = r.end;
  }
  return marked + text.slice(pos, to) + (to < text.length ? '…' : '');
}
