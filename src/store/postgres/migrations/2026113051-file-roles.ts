import { type Kysely, sql } from 'kysely';

/** What a file is to its entity: the mirror of SQLite's 2026113051-file-roles. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files ADD COLUMN role text COLLATE "C" NOT NULL DEFAULT 'document'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE files DROP COLUMN role`.execute(db);
}
