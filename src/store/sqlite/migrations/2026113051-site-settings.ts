import { type Kysely, sql } from 'kysely';

/**
 * The site's own settings (issue 10, item 6: name, contact address, footer text, which templates are the
 * State and Organisation profiles), as JSON under a key checked by the domain's `SiteSettings` schema: one
 * row per key, so a later setting needs no migration. The audit trail is the activity log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE site_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE site_settings`.execute(db);
}
