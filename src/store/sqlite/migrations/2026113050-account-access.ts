import { type Kysely, sql } from 'kysely';

/**
 * Account administration (issue 10, item 6): an admin disables an account without deleting it (its history
 * keeps its name and it can be enabled again), sees each account's last sign-in, and hands out one-time
 * password-reset links. A link's token is stored only as its SHA-256 (as sessions are), with its expiry and
 * the moment it was used, so it works once and a database leak gives no usable link. The activity log gets
 * indexes for the screen's filters by person and record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN disabled_at TEXT`.execute(db);
  await sql`ALTER TABLE users ADD COLUMN last_login_at TEXT`.execute(db);
  await sql`
    CREATE TABLE password_resets (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT
    ) STRICT`.execute(db);
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
