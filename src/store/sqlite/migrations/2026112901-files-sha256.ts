import { type Kysely, sql } from 'kysely';

/** Uploads look up a file with the same bytes (issue 15: duplicates are reported, not stored silently). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX files_sha256 ON files(sha256)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX files_sha256`.execute(db);
}
