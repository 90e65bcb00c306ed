import { type Kysely, sql } from 'kysely';

/**
 * Each listed word's holders on disk beside its top list (store/sqlite/search/top-holders.ts, decision
 * 68): per form of a listed word and per chunk of 512 docids, a blob of one little-endian uint16 per
 * docid — 0: the row lacks the form; 1: only outside the text columns; f + 1: the form's column-weighted
 * count f in title/meta/body (65535: too many to keep). A reader's first query of a frequent word reads
 * the word's chunks instead of a MATCH over its doclist; a filtered one scores its few matches from them.
 * Kept by the writer in the entity's own transaction (maintainTopTerms). The lists are rebuilt at the next
 * open (`search_state.top_lists` = 0), which fills the table; no reindex. SQLite only: the PostgreSQL
 * engine keeps no top lists.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A rowid table: a 1 KB blob overflows a WITHOUT ROWID row (at most ~1,000 bytes stay in the page),
  // which took 58 MB for 13 MB of values at 1M paragraphs and a second page read per chunk.
  await sql`
    CREATE TABLE search_top_holders (
      chunk INTEGER NOT NULL,
      form TEXT NOT NULL,
      counts BLOB NOT NULL,
      UNIQUE (chunk, form)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX search_top_holders_form ON search_top_holders (form, chunk)`.execute(db);
  await sql`INSERT INTO search_state (key, value) VALUES ('top_lists', 0)
    ON CONFLICT (key) DO UPDATE SET value = 0`.execute(db);
}
