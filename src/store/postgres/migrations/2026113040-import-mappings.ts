import { type Kysely, sql } from 'kysely';

/** Ids of imported records in their source system: the mirror of SQLite's 2026113040-import-mappings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_mappings (
      source text COLLATE "C" NOT NULL,
      kind text COLLATE "C" NOT NULL,
      source_id text COLLATE "C" NOT NULL,
      local_id text COLLATE "C" NOT NULL,
      created_at text COLLATE "C" NOT NULL,
      PRIMARY KEY (source, kind, source_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE import_mappings`.execute(db);
}
