import { type Kysely, sql } from 'kysely';

/**
 * Issue 11, decision 64: a file's reason keeps its sentences as codes and values (JSON FileReasonNote[])
 * beside the English, so the viewer and the files list word it in the reader's language. Rows written
 * before stay NULL: their codes are read off their English when they are read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files ADD COLUMN reason_codes TEXT CHECK (reason_codes IS NULL OR json_valid(reason_codes))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files DROP COLUMN reason_codes`.execute(db);
}
