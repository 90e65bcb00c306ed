import { type Kysely, sql } from 'kysely';

/**
 * Top lists keyed by a typed word's forms (store/sqlite/search/top-terms.ts). Since search analyses a
 * query word in every language (decision 38), a word is an OR of its forms ("cyber" → "cyber" OR "cyb"),
 * and lists of single index tokens served almost no real word. A list is now one per typed word's form
 * set: `term` is the forms joined by spaces (in the order the query compiles them), `forms` and `n_hits`
 * hold each form and the rows holding it when the list was built, and an entry holds each form's
 * column-weighted count `fs` (JSON arrays). The old lists are dropped; `search_state.top_lists` asks the
 * next open to rebuild them (indexer.ts), without a full reindex. `search_words_vocab` lists the words as
 * written, from which the typed words worth a list are found.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS search_top_docs_gone`.execute(db);
  await sql`DROP TABLE IF EXISTS search_top_docs`.execute(db);
  await sql`DROP TABLE IF EXISTS search_top_terms`.execute(db);
  await sql`
    CREATE TABLE search_top_terms (
      term TEXT PRIMARY KEY,
      forms TEXT NOT NULL,
      n_rows INTEGER NOT NULL,
      avgdl REAL NOT NULL,
      n_hits TEXT NOT NULL,
      floor REAL NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE search_top_docs (
      term TEXT NOT NULL REFERENCES search_top_terms (term) ON DELETE CASCADE,
      docid INTEGER NOT NULL,
      fs TEXT NOT NULL,
      d INTEGER NOT NULL,
      PRIMARY KEY (term, docid)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX search_top_docs_docid ON search_top_docs (docid)`.execute(db);
  await sql`
    CREATE TRIGGER search_top_docs_gone AFTER DELETE ON search_entities BEGIN
      DELETE FROM search_top_docs WHERE docid = old.docid;
    END`.execute(db);
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS search_words_vocab USING fts5vocab(search_words_fts, row)`.execute(
    db,
  );
  await sql`INSERT INTO search_state (key, value) VALUES ('top_lists', 0)
    ON CONFLICT (key) DO UPDATE SET value = 0`.execute(db);
}
