import { type Kysely, sql } from 'kysely';

/** A file's reason as codes and values beside the English: the mirror of SQLite's 2026113061-file-reason-codes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files ADD COLUMN reason_codes text COLLATE "C" CHECK (reason_codes IS NULL OR json_valid(reason_codes))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files DROP COLUMN reason_codes`.execute(db);
}
