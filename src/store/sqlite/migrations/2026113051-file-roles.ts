import { type Kysely, sql } from 'kysely';

/**
 * What a file is to its entity (issue 12: Uwazi's files come as documents, attachments and thumbnails):
 * `document` (read, searched, shown in the viewer; every file before this migration), `attachment` (kept
 * and read) or `thumbnail` (an image standing for the document; kept, not read).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files ADD COLUMN role TEXT NOT NULL DEFAULT 'document'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files DROP COLUMN role`.execute(db);
}
