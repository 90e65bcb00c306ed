import { MARK_CLOSE, MARK_OPEN } from '../store/sqlite/search/queries.ts';

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

/** FTS5-marked text → the plain text and the [start, end) offsets of each marked run. */
export function markedToOffsets(marked: string): { text: string; ranges: { start: number; end: number }[] } {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = text.length;
    else if (ch === MARK_CLOSE) {
      if (open >= 0) ranges.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, ranges };
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
  window = 80,
): { marked: string; ranges: { start: number; end: number }[]; terms: number } {
  const ranges: { start: number; end: number }[] = [];
  let terms = 0;
  for (const re of patterns) {
    let found = false;
    for (const m of text.matchAll(re)) {
      if (!m[0]) continue;
      ranges.push({ start: m.index, end: m.index + m[0].length });
      found = true;
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
  return { marked: markRanges(text, merged, window), ranges: merged, terms };
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
