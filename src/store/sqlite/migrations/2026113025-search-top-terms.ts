import { type Kysely, sql } from 'kysely';

/**
 * Precomputed top lists for the index's most frequent words (issue 16 item 1; see
 * store/sqlite/search/top-terms.ts). FTS5 scores every matching entity for a word (bm25 has no top-k
 * pruning), so a word in most of the collection cost as much as the collection was large.
 *
 * - `search_top_terms`: one row per listed term (the index token, i.e. the Porter stem) with the
 *   statistics its list was built under (rows, average row length, rows holding the term) and `floor`:
 *   every entity scoring above it under those statistics is in the list, every other scores at most it.
 * - `search_top_docs`: the listed entities, each with what its bm25 is computed from: the column-weighted
 *   frequency of the term `f` and the row's token count `d`. Scores are recomputed from them with the
 *   live statistics, so they equal FTS5's own.
 * - `search_entities_vocab`: FTS5's own vocabulary of the entity index (no storage), to find the terms.
 * Empty until the next reindex (`cyberportal reindex`) builds the lists; until then every query ranks
 * the whole match as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE search_top_terms (
      term TEXT PRIMARY KEY,
      n_rows INTEGER NOT NULL,
      avgdl REAL NOT NULL,
      n_hit INTEGER NOT NULL,
      floor REAL NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE search_top_docs (
      term TEXT NOT NULL REFERENCES search_top_terms (term) ON DELETE CASCADE,
      docid INTEGER NOT NULL,
      f REAL NOT NULL,
      d INTEGER NOT NULL,
      PRIMARY KEY (term, docid)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX search_top_docs_docid ON search_top_docs (docid)`.execute(db);
  await sql`CREATE VIRTUAL TABLE search_entities_vocab USING fts5vocab(search_entities_fts, row)`.execute(db);
  // An entity leaving the index leaves every list (deleteEntityDoc, the search_entities_gone trigger).
  await sql`
    CREATE TRIGGER search_top_docs_gone AFTER DELETE ON search_entities BEGIN
      DELETE FROM search_top_docs WHERE docid = old.docid;
    END`.execute(db);
}
