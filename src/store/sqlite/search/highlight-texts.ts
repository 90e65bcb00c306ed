import Database from 'better-sqlite3';
import { MARK_CLOSE, MARK_OPEN } from './queries.ts';

/** The entity index's tokenizer, so a text is marked exactly where the search matched it (stems too). */
const TOKENIZE = `tokenize = "porter unicode61 remove_diacritics 2"`;

// The entity index is contentless (no stored text for highlight()), so a hit's metadata texts are marked
// in a private in-memory FTS5 table of the same tokenizer: one per thread, outside the search's read
// transaction, holding only the texts of the one entity being marked.
type Scratch = {
  run: (texts: string[], match: string) => { rowid: number; marked: string }[];
};
let scratch: Scratch | null = null;

function table(): Scratch {
  if (scratch) return scratch;
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE texts USING fts5(meta, ${TOKENIZE})`);
  const insert = db.prepare(`INSERT INTO texts (rowid, meta) VALUES (?, ?)`);
  const select = db.prepare(
    `SELECT rowid, highlight(texts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') AS marked FROM texts
     WHERE texts MATCH ? ORDER BY rowid`,
  );
  const clear = db.prepare(`DELETE FROM texts`);
  const run = db.transaction((texts: string[], match: string) => {
    for (const [i, text] of texts.entries()) insert.run(i + 1, text);
    try {
      return select.all(match) as { rowid: number; marked: string }[];
    } finally {
      clear.run();
    }
  });
  scratch = { run };
  return scratch;
}

/**
 * The texts holding `match` (an FTS5 expression on column `meta`), by their index in `texts`, with the
 * matched tokens between MARK_OPEN and MARK_CLOSE.
 */
export function highlightTexts(texts: string[], match: string): Map<number, string> {
  return new Map(
    table()
      .run(texts, match)
      .map((r) => [r.rowid - 1, r.marked]),
  );
}
