import type Database from 'better-sqlite3';
import { textWindows } from '../../text-windows.ts';
import { clearAligned, ensureAlignedTable, insertAligned } from './aligned-scratch.ts';
import { MARK_CLOSE, MARK_OPEN } from './queries.ts';
import { cached } from './statements.ts';

/**
 * Paragraphs longer than this get their snippet from a bounded window (below), not from FTS5's
 * snippet(): it scores every match as a possible start against every other match, so its cost grows
 * with the square of the matches in one paragraph (a 1 MB paragraph of policy prose took 47 s; at
 * 20,000 characters it is under a millisecond).
 */
export const LONG_PARAGRAPH = 20_000;
/**
 * Windows tokenized per round trip: 1, 2, 4… up to 16. A frequent word matches in the first window
 * (4 KB tokenized, not 64); a rare one costs few round trips however far in it is.
 */
const batches = function* (count: number) {
  for (let from = 0, size = 1; from < count; from += size, size = Math.min(16, size * 2))
    yield [from, Math.min(count, from + size)] as const;
};
/**
 * A snippet is looked for in the first 256 KB of a paragraph (64 windows): a page of 20 results each
 * with a 2 MB paragraph whose only match is at its end would otherwise tokenize 40 MB. Past it the
 * snippet is the paragraph's opening, unmarked.
 */
export const SNIPPET_SCAN = 256_000;

// Temp objects are private to the connection and allowed on a read-only one; the windows are analysed
// as the paragraph index analyses paragraphs, so the compiled expression matches here exactly as there.
const TABLE = 'snippet_window';

/**
 * The first `maxRanges` matches of `match` in a long text as [start, end) offsets, found window by
 * window (FTS5's highlight() over the whole text appends to its result one piece at a time, which is
 * quadratic: 2.3 s for a 2 MB paragraph). Stops at the window holding the last wanted match.
 */
export function windowHighlights(
  sqlite: Database.Database,
  text: string,
  match: string,
  maxRanges: number,
  language: string | null,
): { ranges: { start: number; end: number }[]; capped: boolean } {
  ensureAlignedTable(sqlite, TABLE);
  const marked = cached(
    sqlite,
    `SELECT rowid, highlight(snippet_window, 0, '${MARK_OPEN}', '${MARK_CLOSE}') FROM temp.snippet_window
       WHERE snippet_window MATCH ? ORDER BY rowid`,
    'raw',
  );
  const clear = { run: () => clearAligned(sqlite, TABLE) };
  const all = textWindows(text);
  const ranges: { start: number; end: number }[] = [];
  let covered = 0;
  try {
    for (const [b, e] of batches(all.length)) {
      for (let i = b; i < e; i++) insertAligned(sqlite, TABLE, i + 1, text.slice(...all[i]!), language);
      const rows = marked.all(match) as [number, string][];
      clear.run();
      for (const [rowid, m] of rows) {
        const from = all[rowid - 1]![0];
        for (const r of markedRuns(m)) {
          // Windows overlap: a match already taken from the previous window is skipped.
          if (from + r.start < covered) continue;
          if (ranges.length >= maxRanges) return { ranges, capped: true };
          ranges.push({ start: from + r.start, end: from + r.end });
          covered = from + r.end;
        }
      }
    }
    return { ranges, capped: false };
  } finally {
    clear.run();
  }
}

/** Offsets of the marked runs of a highlight() result, in the unmarked text. */
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

/**
 * A snippet of a long paragraph: its text is cut into windows, a few at a time are tokenized into a
 * temporary FTS5 table of this connection and the first window matching `match` (an expression over
 * the `text` column, without file scope) gives the snippet. At most SNIPPET_SCAN characters are
 * tokenized; when none of them match, the snippet is the paragraph's opening, unmarked.
 */
export function windowSnippet(
  sqlite: Database.Database,
  text: string,
  match: string,
  language: string | null,
): string {
  ensureAlignedTable(sqlite, TABLE);
  const first = cached(
    sqlite,
    `SELECT rowid, snippet(snippet_window, 0, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 28) FROM temp.snippet_window
       WHERE snippet_window MATCH ? ORDER BY rowid LIMIT 1`,
    'raw',
  );
  const clear = { run: () => clearAligned(sqlite, TABLE) };
  const all = textWindows(text.slice(0, SNIPPET_SCAN));
  try {
    for (const [b, e] of batches(all.length)) {
      for (let i = b; i < e; i++) insertAligned(sqlite, TABLE, i + 1, text.slice(...all[i]!), language);
      const row = first.get(match) as [number, string] | undefined;
      clear.run();
      if (!row) continue;
      const [from, to] = all[row[0] - 1]!;
      let s = row[1];
      if (from > 0 && !s.startsWith('…')) s = `…${s}`;
      if (to < text.length && !s.endsWith('…')) s = `${s}…`;
      return s;
    }
    return `${text.slice(0, 200)}…`;
  } finally {
    clear.run();
  }
}
