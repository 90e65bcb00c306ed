import { type Kysely, sql } from 'kysely';

/**
 * The earlier originals of a file (issue 10, item 4: "download of every version"): a new version no longer
 * throws the old bytes away; each replaced original keeps its name, kind, size, digest and storage key here,
 * numbered from 1 in the order they were uploaded. The row goes with its file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE file_versions (
    file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    filename TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    PRIMARY KEY (file_id, version)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX file_versions_storage_key ON file_versions(storage_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE file_versions`.execute(db);
}
