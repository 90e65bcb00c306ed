import Database from 'better-sqlite3';
import { clearAligned, ensureAlignedTable, insertAligned } from './aligned-scratch.ts';
import { MARK_CLOSE, MARK_OPEN } from './queries.ts';

// The entity index is contentless (no stored text for highlight()), so a hit's metadata texts are marked
// in a private in-memory FTS5 table analysed as the paragraph index is (aligned-scratch.ts): one per
// thread, outside the search's read transaction, holding only the texts of the one entity being marked.
type Scratch = {
  run: (texts: string[], match: string, language: string | null) => { rowid: number; marked: string }[];
};
let scratch: Scratch | null = null;

function table(): Scratch {
  if (scratch) return scratch;
  const db = new Database(':memory:');
  ensureAlignedTable(db, 'texts');
  const select = db.prepare(
    `SELECT rowid, highlight(texts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS marked FROM temp.texts
     WHERE texts MATCH ? ORDER BY rowid`,
  );
  const run = db.transaction((texts: string[], match: string, language: string | null) => {
    for (const [i, text] of texts.entries()) insertAligned(db, 'texts', i + 1, text, language);
    try {
      return select.all(match) as { rowid: number; marked: string }[];
    } finally {
      clearAligned(db, 'texts');
    }
  });
  scratch = { run };
  return scratch;
}

/**
 * The texts holding `match` (an FTS5 expression on column `text`, compiled for the paragraph index's
 * analysis), by their index in `texts`, analysed in `language`, with the matched tokens between
 * MARK_OPEN and MARK_CLOSE.
 */
export function highlightTexts(texts: string[], match: string, language: string | null): Map<number, string> {
  return new Map(
    table()
      .run(texts, match, language)
      .map((r) => [r.rowid - 1, r.marked]),
  );
}
