import { type Kysely, sql } from 'kysely';

/**
 * A file's table of contents (issue 14): written with the file's text, from the PDF's outline or its
 * headings. `paragraph_id` anchors each entry to a paragraph; no foreign key, because a file's paragraphs
 * are removed and written again in batches while the file is processing (the ids are kept where the text
 * did not change, so the anchors hold).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE toc_entries (
    file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    label TEXT NOT NULL,
    level INTEGER NOT NULL,
    page INTEGER NOT NULL,
    paragraph_id TEXT,
    source TEXT NOT NULL,
    PRIMARY KEY (file_id, ordinal)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE toc_entries`.execute(db);
}
