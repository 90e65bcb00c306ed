import { type Kysely, sql } from 'kysely';

/**
 * Full-text search. Two FTS5 indexes, one tokenizer (`porter unicode61 remove_diacritics 2`: case and
 * accents folded for every language, Porter stems for English; Porter leaves non-ASCII words alone, so
 * Russian or Arabic are matched exactly, and CJK is split into characters before indexing):
 *
 * - `search_paragraphs_fts`: external content on `paragraphs` (rowid = paragraphs.rowid), kept in sync by
 *   triggers so every writer of paragraphs is covered, even inside its own transaction. Its zero-weighted
 *   `file_id` column scopes a query to one file or entity (snippets, search within a document).
 * - `search_entities_fts`: one row per entity (title, metadata text, the full text of all its files, and
 *   the facet `tags`). Ranking, counts and facets are per entity, so matching here replaces "group
 *   100,000 paragraph hits by entity" with a scan of at most one row per entity. Contentless (the text
 *   lives in entities and paragraphs already) with contentless_delete so a row can be replaced by rowid.
 *   `search_entities` holds its per-entity sort keys and facet values, with the same docid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const tokenize = `tokenize = "porter unicode61 remove_diacritics 2"`;
  await sql
    .raw(
      `CREATE VIRTUAL TABLE search_paragraphs_fts USING fts5(text, file_id, content = 'paragraphs',
       content_rowid = 'rowid', ${tokenize})`,
    )
    .execute(db);
  await sql`
    CREATE TRIGGER search_paragraphs_ai AFTER INSERT ON paragraphs BEGIN
      INSERT INTO search_paragraphs_fts (rowid, text, file_id) VALUES (new.rowid, new.text, new.file_id);
    END`.execute(db);
  await sql`
    CREATE TRIGGER search_paragraphs_ad AFTER DELETE ON paragraphs BEGIN
      INSERT INTO search_paragraphs_fts (search_paragraphs_fts, rowid, text, file_id)
        VALUES ('delete', old.rowid, old.text, old.file_id);
    END`.execute(db);
  await sql`
    CREATE TRIGGER search_paragraphs_au AFTER UPDATE OF text, file_id ON paragraphs BEGIN
      INSERT INTO search_paragraphs_fts (search_paragraphs_fts, rowid, text, file_id)
        VALUES ('delete', old.rowid, old.text, old.file_id);
      INSERT INTO search_paragraphs_fts (rowid, text, file_id) VALUES (new.rowid, new.text, new.file_id);
    END`.execute(db);
  await sql`INSERT INTO search_paragraphs_fts (search_paragraphs_fts) VALUES ('rebuild')`.execute(db);

  await sql`
    CREATE TABLE search_entities (
      docid INTEGER PRIMARY KEY,
      entity_id TEXT NOT NULL UNIQUE,
      template TEXT NOT NULL,
      published INTEGER NOT NULL,
      title TEXT NOT NULL,
      title_key TEXT NOT NULL,        -- lower case, accents removed: title sort and autocomplete
      date_key TEXT NOT NULL,         -- the main date (YYYY[-MM[-DD]]) or '' : date sort and year range
      facets TEXT NOT NULL CHECK (json_valid(facets)), -- {property: [values]} of filterable properties
      tags TEXT NOT NULL              -- the facet tokens as indexed
    ) STRICT`.execute(db);
  await sql`CREATE INDEX search_entities_title ON search_entities(title_key)`.execute(db);
  await sql
    .raw(
      `CREATE VIRTUAL TABLE search_entities_fts USING fts5(title, meta, body, tags, content = '',
       contentless_delete = 1, prefix = '2 3', ${tokenize})`,
    )
    .execute(db);
  // Bumped whenever search_entities changes, so worker threads know when to reload their cache of it.
  await sql`CREATE TABLE search_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT`.execute(db);
  await sql`INSERT INTO search_state (key, value) VALUES ('version', 1)`.execute(db);
  // A deleted entity leaves the index even if its deleter forgets to call removeEntity.
  await sql`
    CREATE TRIGGER search_entities_gone AFTER DELETE ON entities BEGIN
      DELETE FROM search_entities_fts WHERE rowid = (SELECT docid FROM search_entities WHERE entity_id = old.id);
      DELETE FROM search_entities WHERE entity_id = old.id;
      UPDATE search_state SET value = value + 1 WHERE key = 'version';
    END`.execute(db);
}
