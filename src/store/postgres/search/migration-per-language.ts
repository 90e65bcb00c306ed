import { type Kysely, sql } from 'kysely';

/*
 * Search per language on PostgreSQL (docs/ARCHITECTURE.md, the search-per-language decision): vectors
 * hold the domain's analysed terms (domain/text-analysis), the FTS5 engine's, in one configuration
 * `cp_terms` (`simple`: the terms are folded and stemmed already), instead of a Snowball configuration
 * per language.
 *
 * - Paragraph vectors and chunks were written by triggers; PostgreSQL cannot run the analysis, so the
 *   search index repository writes them (`paragraph-vectors.ts`, from the ingest's onFileWritten hook
 *   and in rebuilds). The triggers go.
 * - A paragraph without a language is taken to be in its file's, else its entity's (filled on insert by
 *   a trigger, as the FTS5 engine's does), so both engines analyse it alike.
 * - `search_state.analysis` = 0: openPostgresStore rebuilds every vector with the analysis of the code
 *   (`rebuildStaleAnalysis`), as after an import.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE TEXT SEARCH CONFIGURATION cp_terms (COPY = simple)`).execute(db);
  await sql`UPDATE paragraphs p SET language = (SELECT coalesce(f.language, e.language) FROM files f
      JOIN entities e ON e.id = f.entity_id WHERE f.id = p.file_id)
    WHERE p.language IS NULL`.execute(db);
  await sql.raw(`DROP TRIGGER paragraphs_tsv ON paragraphs`).execute(db);
  await sql.raw(`DROP TRIGGER paragraphs_chunks ON paragraphs`).execute(db);
  await sql
    .raw(`CREATE FUNCTION cp_paragraph_language() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.language IS NULL THEN
          NEW.language := (SELECT coalesce(f.language, e.language) FROM files f
            JOIN entities e ON e.id = f.entity_id WHERE f.id = NEW.file_id);
        END IF;
        RETURN NEW;
      END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER paragraphs_language BEFORE INSERT ON paragraphs
      FOR EACH ROW EXECUTE FUNCTION cp_paragraph_language()`)
    .execute(db);
  await sql`INSERT INTO search_state (key, value) VALUES ('analysis', 0)
    ON CONFLICT (key) DO UPDATE SET value = 0`.execute(db);
}
