import { type Kysely, sql } from 'kysely';

/** Earlier originals of a file: the mirror of SQLite's 2026113050-file-versions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE file_versions (
      file_id text COLLATE "C" NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      version bigint NOT NULL,
      filename text COLLATE "C" NOT NULL,
      mime_type text COLLATE "C" NOT NULL,
      kind text COLLATE "C" NOT NULL,
      size bigint NOT NULL,
      sha256 text COLLATE "C" NOT NULL,
      storage_key text COLLATE "C" NOT NULL,
      uploaded_at text COLLATE "C" NOT NULL,
      replaced_at text COLLATE "C" NOT NULL,
      PRIMARY KEY (file_id, version)
    )`.execute(db);
  await sql`CREATE INDEX file_versions_storage_key ON file_versions(storage_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE file_versions`.execute(db);
}
