import { MARK_CLOSE, MARK_OPEN } from '../../sqlite/search/queries.ts';
import { SNIPPET_SCAN } from '../../sqlite/search/snippet-window.ts';
import { textWindows } from '../../text-windows.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';

/*
 * Marked passages from PostgreSQL's ts_headline, run only for the paragraphs a page returns. It parses
 * the whole text it is given, so a paragraph over LONG_PARAGRAPH characters is cut into windows (300
 * characters of overlap, so a phrase across a cut still matches) and only windows are given to it, a
 * batch of 1, 2, 4… 16 at a time until one matches: the FTS5 engine's bound (snippet-window.ts).
 */

/** A snippet: about 30 words around the best match; the private-use marks become <mark> later. */
export const SNIPPET_OPTIONS = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=30, MinWords=12, ShortWord=0, MaxFragments=0`;
/** Every match of a whole text marked (search within a file). */
export const HIGHLIGHT_ALL_OPTIONS = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, HighlightAll=true`;

const batches = function* (count: number) {
  for (let from = 0, size = 1; from < count; from += size, size = Math.min(16, size * 2))
    yield [from, Math.min(count, from + size)] as const;
};

const WINDOW_SQL = (
  options: string,
) => `SELECT x.i::int AS i, ts_headline($2::regconfig, x.w, $3::tsquery, '${options}') AS marked
  FROM unnest($1::text[]) WITH ORDINALITY AS x(w, i)
  WHERE cp_tsvector($2::regconfig, x.w) @@ $3::tsquery ORDER BY x.i`;

/** ts_headline output as a snippet: '…' where it does not reach the start or end of the text. */
export function withEllipses(marked: string, text: string): string {
  const plain = marked.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');
  const at = text.indexOf(plain);
  if (at < 0) return marked;
  return `${at > 0 ? '…' : ''}${marked}${at + plain.length < text.length ? '…' : ''}`;
}

/**
 * A snippet of a long paragraph from its first matching window; its opening when none of the first 256 KB
 * matches. `text` may be those first SNIPPET_SCAN characters only, with `more` saying the paragraph goes on;
 * `from`: where the first stored chunk holding the words starts (the search migration's paragraph_chunks),
 * so the windows before it, which hold no match, are not given to ts_headline.
 */
export async function windowSnippet(
  db: SqlRunner,
  text: string,
  config: string,
  query: string,
  { more = false, from = 0 } = {},
): Promise<string> {
  const scanned = text.slice(0, SNIPPET_SCAN);
  const all = textWindows(scanned).filter(([, end]) => end > from);
  for (const [b, e] of batches(all.length)) {
    const slice = all.slice(b, e).map(([s, t]) => text.slice(s, t));
    const [row] = await rowsOf<{ i: number; marked: string }>(db, `${WINDOW_SQL(SNIPPET_OPTIONS)} LIMIT 1`, [
      slice,
      config,
      query,
    ]);
    if (!row) continue;
    const [from, to] = all[b + row.i - 1]!;
    const snippet = withEllipses(row.marked, text.slice(from, to));
    return `${from > 0 && !snippet.startsWith('…') ? '…' : ''}${snippet}${(more || to < text.length) && !snippet.endsWith('…') ? '…' : ''}`;
  }
  return `${text.slice(0, 200)}…`;
}

/** The first `maxRanges` matches in a long text as offsets, window by window. */
export async function windowHighlights(
  db: SqlRunner,
  text: string,
  config: string,
  query: string,
  maxRanges: number,
): Promise<{ ranges: { start: number; end: number }[]; capped: boolean }> {
  const all = textWindows(text);
  const ranges: { start: number; end: number }[] = [];
  let covered = 0;
  for (const [b, e] of batches(all.length)) {
    const slice = all.slice(b, e).map(([s, t]) => text.slice(s, t));
    const rows = await rowsOf<{ i: number; marked: string }>(db, WINDOW_SQL(HIGHLIGHT_ALL_OPTIONS), [
      slice,
      config,
      query,
    ]);
    for (const row of rows) {
      const from = all[b + row.i - 1]![0];
      for (const r of markedRuns(row.marked)) {
        if (from + r.start < covered) continue;
        if (ranges.length >= maxRanges) return { ranges, capped: true };
        ranges.push({ start: from + r.start, end: from + r.end });
        covered = from + r.end;
      }
    }
  }
  return { ranges, capped: false };
}

function markedRuns(marked: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let removed = 0;
  for (let at = marked.indexOf(MARK_OPEN); at >= 0; at = marked.indexOf(MARK_OPEN, at + 1)) {
    const close = marked.indexOf(MARK_CLOSE, at + 1);
    if (close < 0) break;
    out.push({ start: at - removed, end: close - removed - 1 });
    removed += 2;
  }
  return out;
}
