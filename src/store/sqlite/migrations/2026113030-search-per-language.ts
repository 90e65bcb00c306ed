import { type Kysely, sql } from 'kysely';
import { PARAGRAPH_TOKENIZER, TERM_TOKENIZER } from '../search/analysis-functions.ts';

/**
 * Search per language (docs/ARCHITECTURE.md, the search-per-language decision): the indexes hold the
 * domain's analysed terms (domain/text-analysis) instead of FTS5's Porter stems.
 *
 * - A paragraph without a language (too short to tell, or written before languages were detected) is
 *   taken to be in its file's language, else its entity's, as ingestion now records it: a heading is
 *   stemmed like the text around it. The insert trigger fills it for any writer, before indexing, so a
 *   paragraph's analysis depends on its own row alone and the delete trigger can recompute it.
 * - `search_paragraphs_fts` is rebuilt over `cp_aligned_terms(text, language)` (one term per token of
 *   the text, so snippet() and highlight() still mark the original words), kept by triggers as before.
 * - `search_entities_fts` is recreated without Porter and left empty, and `search_state.analysis` set to
 *   0: the entity rows are built in TypeScript (labels, relationship titles), so openDatabase rebuilds
 *   them right after migrating (`rebuildStaleAnalysis`), as `cyberportal reindex` would.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE paragraphs SET language = (SELECT coalesce(f.language, e.language) FROM files f
      JOIN entities e ON e.id = f.entity_id WHERE f.id = paragraphs.file_id)
    WHERE language IS NULL`.execute(db);
  for (const trigger of ['search_paragraphs_ai', 'search_paragraphs_ad', 'search_paragraphs_au'])
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
  await sql`DROP TABLE search_paragraphs_fts`.execute(db);
  await sql
    .raw(
      `CREATE VIRTUAL TABLE search_paragraphs_fts USING fts5(text, file_id, content = 'paragraphs',
       content_rowid = 'rowid', tokenize = "${PARAGRAPH_TOKENIZER}")`,
    )
    .execute(db);
  await sql`
    CREATE TRIGGER search_paragraphs_ai AFTER INSERT ON paragraphs BEGIN
      UPDATE paragraphs SET language = (SELECT coalesce(f.language, e.language) FROM files f
          JOIN entities e ON e.id = f.entity_id WHERE f.id = new.file_id)
        WHERE rowid = new.rowid AND new.language IS NULL;
      INSERT INTO search_paragraphs_fts (rowid, text, file_id)
        SELECT rowid, cp_aligned_terms(text, language), file_id FROM paragraphs WHERE rowid = new.rowid;
    END`.execute(db);
  await sql`
    CREATE TRIGGER search_paragraphs_ad AFTER DELETE ON paragraphs BEGIN
      INSERT INTO search_paragraphs_fts (search_paragraphs_fts, rowid, text, file_id)
        VALUES ('delete', old.rowid, cp_aligned_terms(old.text, old.language), old.file_id);
    END`.execute(db);
  await sql`
    CREATE TRIGGER search_paragraphs_au AFTER UPDATE OF text, file_id, language ON paragraphs
    -- The insert trigger's own filling of a missing language: the row is indexed after it, not before.
    WHEN NOT (old.language IS NULL AND new.text IS old.text AND new.file_id IS old.file_id) BEGIN
      INSERT INTO search_paragraphs_fts (search_paragraphs_fts, rowid, text, file_id)
        VALUES ('delete', old.rowid, cp_aligned_terms(old.text, old.language), old.file_id);
      INSERT INTO search_paragraphs_fts (rowid, text, file_id)
        VALUES (new.rowid, cp_aligned_terms(new.text, new.language), new.file_id);
    END`.execute(db);
  await sql`INSERT INTO search_paragraphs_fts (rowid, text, file_id)
    SELECT rowid, cp_aligned_terms(text, language), file_id FROM paragraphs`.execute(db);

  await sql`DROP TABLE search_entities_fts`.execute(db);
  await sql
    .raw(
      `CREATE VIRTUAL TABLE search_entities_fts USING fts5(title, meta, body, tags, content = '',
       contentless_delete = 1, prefix = '2 3', tokenize = "${TERM_TOKENIZER}")`,
    )
    .execute(db);
  await sql`INSERT INTO search_words_fts (search_words_fts) VALUES ('delete-all')`.execute(db);
  await sql`INSERT INTO search_state (key, value) VALUES ('analysis', 0)
    ON CONFLICT (key) DO UPDATE SET value = 0`.execute(db);
  await sql`UPDATE search_state SET value = value + 1 WHERE key = 'version'`.execute(db);
}
