import { type Kysely, sql } from 'kysely';

/** What an imported record looked like when last written: the mirror of SQLite's 2026113050-import-fingerprints. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_mappings ADD COLUMN fingerprint text COLLATE "C"`.execute(db);
  await sql`ALTER TABLE import_mappings ADD COLUMN data text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_mappings DROP COLUMN data`.execute(db);
  await sql`ALTER TABLE import_mappings DROP COLUMN fingerprint`.execute(db);
}
