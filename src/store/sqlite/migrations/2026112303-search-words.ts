import { type Kysely, sql } from 'kysely';

/**
 * `search_words_fts`: every entity's words as written (title, metadata text and full text in one
 * column), NOT stemmed, so a prefix query matches words rather than Porter stems: `cooperat*` finds
 * "cooperating", whose stem "cooper" does not start with "cooperat". One row per entity, rowid = the
 * docid of search_entities. It answers only "which entities have a word starting with …", so it keeps
 * no positions (detail=none: 7 MB where the entity index takes 110 MB on the 5,000-document bench; a
 * full-detail unstemmed copy would double it). Ranking still comes from the stemmed index.
 * The prefix index ('2 3') makes 2- and 3-letter prefixes one doclist read instead of a merge of
 * hundreds (bench prefix class: 3.4 → 0.9 ms median).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE VIRTUAL TABLE search_words_fts USING fts5(words, content = '', contentless_delete = 1,
       detail = none, prefix = '2 3', tokenize = "unicode61 remove_diacritics 2")`,
    )
    .execute(db);
  // Whoever removes an entity's index row (deleteEntityDoc, the search_entities_gone trigger) removes
  // this one too.
  await sql`
    CREATE TRIGGER search_words_gone AFTER DELETE ON search_entities BEGIN
      DELETE FROM search_words_fts WHERE rowid = old.docid;
    END`.execute(db);
  // Existing indexes: titles and full text from the tables (metadata text joins on the entity's next
  // reindex; the indexer writes all three columns' text, with CJK split into characters).
  await sql`
    INSERT INTO search_words_fts (rowid, words)
    SELECT s.docid, e.title || char(10) || coalesce((SELECT group_concat(p.text, char(10))
      FROM files f JOIN paragraphs p ON p.file_id = f.id WHERE f.entity_id = e.id), '')
    FROM search_entities s JOIN entities e ON e.id = s.entity_id`.execute(db);
}
