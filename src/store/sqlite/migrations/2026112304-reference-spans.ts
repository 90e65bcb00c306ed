import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the document viewer's connection look-ups (issue 5):
 *
 * - `text_references_{source,target}_span`: (file, start, end) of each end, the end read from the anchor
 *   JSON. "Connections touching page N" is `start < page.end AND end > page.start` within one file; with the
 *   end in the index that test runs on index entries only, so a file with thousands of connections does not
 *   parse the JSON of every row. An expression index rather than a new column keeps the stored rows (and so
 *   collection archives) exactly as they were; queries must spell the expression `json_extract(x, '$.end')`.
 * - `paragraphs_file_start`, `pages_file_start`: the paragraph and page an end starts in
 *   (`start <= offset ORDER BY start DESC LIMIT 1`), computed for every listed connection, become one index
 *   seek each instead of a walk back through the file's paragraphs and (large) page rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX text_references_source_span
    ON text_references(source_file_id, source_start, json_extract(source, '$.end'))`.execute(db);
  await sql`CREATE INDEX text_references_target_span
    ON text_references(target_file_id, target_start, json_extract(target, '$.end'))`.execute(db);
  await sql`CREATE INDEX paragraphs_file_start ON paragraphs(file_id, start)`.execute(db);
  await sql`CREATE INDEX pages_file_start ON pages(file_id, start)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX pages_file_start`.execute(db);
  await sql`DROP INDEX paragraphs_file_start`.execute(db);
  await sql`DROP INDEX text_references_target_span`.execute(db);
  await sql`DROP INDEX text_references_source_span`.execute(db);
}
