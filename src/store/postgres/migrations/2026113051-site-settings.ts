import { type Kysely, sql } from 'kysely';

/** The site's own settings as JSON per key: the mirror of SQLite's 2026113051-site-settings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE site_settings (
      key text COLLATE "C" PRIMARY KEY,
      value text COLLATE "C" NOT NULL CHECK (json_valid(value)),
      updated_at text COLLATE "C" NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE site_settings`.execute(db);
}
