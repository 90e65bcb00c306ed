import { type Kysely, sql } from 'kysely';

/** Files' tables of contents (issue 14): the mirror of SQLite's migration 2026113021-toc-entries. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE toc_entries (
      file_id text COLLATE "C" NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      ordinal bigint NOT NULL,
      label text COLLATE "C" NOT NULL,
      level bigint NOT NULL,
      page bigint NOT NULL,
      paragraph_id text COLLATE "C",
      source text COLLATE "C" NOT NULL,
      PRIMARY KEY (file_id, ordinal)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE toc_entries`.execute(db);
}
