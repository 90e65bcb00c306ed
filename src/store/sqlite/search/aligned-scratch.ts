import type Database from 'better-sqlite3';
import { alignedTerms } from '../../../domain/text-analysis/index.ts';
import { PARAGRAPH_TOKENIZER } from './analysis-functions.ts';
import { cached } from './statements.ts';

/*
 * A private FTS5 table that marks texts as the paragraph index matches them: the text itself sits in a
 * content table (what snippet() and highlight() read and mark), its analysed terms, one per token, in the
 * index (what MATCH sees). Used where a text is marked outside the paragraph index: windows of long
 * paragraphs (snippet-window.ts) and metadata texts of result cards (highlight-texts.ts).
 */

/** Creates the pair `<name>_text` + `<name>` in the connection's temp schema (allowed on read-only ones). */
export function ensureAlignedTable(sqlite: Database.Database, name: string): void {
  sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS ${name}_text (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL);
     CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name} USING fts5(text, content = '${name}_text',
       content_rowid = 'rowid', tokenize = "${PARAGRAPH_TOKENIZER}");`,
  );
}

/** Puts one text in, analysed in its language. */
export function insertAligned(
  sqlite: Database.Database,
  name: string,
  rowid: number,
  text: string,
  language: string | null,
): void {
  cached(sqlite, `INSERT INTO temp.${name}_text (rowid, text) VALUES (?, ?)`).run(rowid, text);
  cached(sqlite, `INSERT INTO temp.${name} (rowid, text) VALUES (?, ?)`).run(
    rowid,
    alignedTerms(text, language),
  );
}

/** Empties both tables. */
export function clearAligned(sqlite: Database.Database, name: string): void {
  cached(sqlite, `INSERT INTO temp.${name} (${name}) VALUES ('delete-all')`).run();
  cached(sqlite, `DELETE FROM temp.${name}_text`).run();
}
