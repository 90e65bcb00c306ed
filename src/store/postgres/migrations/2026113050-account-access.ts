import { type Kysely, sql } from 'kysely';

/** Disabled accounts, last sign-in and one-time reset links: the mirror of SQLite's 2026113050-account-access. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN disabled_at text COLLATE "C"`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN last_login_at text COLLATE "C"`.execute(db);
  await sql`
    CREATE TABLE password_resets (
      id text COLLATE "C" PRIMARY KEY,
      user_id text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_by text COLLATE "C" REFERENCES users(id) ON DELETE SET NULL,
      created_at text COLLATE "C" NOT NULL,
      expires_at text COLLATE "C" NOT NULL,
      used_at text COLLATE "C"
    )`.execute(db);
  await sql`CREATE INDEX password_resets_user ON password_resets(user_id)`.execute(db);
  // The activity screen filters by person and by record, newest first, beyond the newest page.
  await sql`CREATE INDEX activity_log_username ON activity_log(username, id)`.execute(db);
  await sql`CREATE INDEX activity_log_target ON activity_log(target_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX activity_log_target`.execute(db);
  await sql`DROP INDEX activity_log_username`.execute(db);
  await sql`DROP TABLE password_resets`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN last_login_at`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN disabled_at`.execute(db);
}
