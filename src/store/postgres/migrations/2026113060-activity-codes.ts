import { type Kysely, sql } from 'kysely';

/**
 * Each activity entry's stable code and JSON values beside its English summary: the mirror of SQLite's
 * 2026113060-activity-codes, with the same backfill of sign-ins and sign-outs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE activity_log ADD COLUMN code text COLLATE "C"`.execute(db);
  await sql`ALTER TABLE activity_log ADD COLUMN params text COLLATE "C" CHECK (params IS NULL OR json_valid(params))`.execute(
    db,
  );
  for (const [action, code, words] of [
    ['login', 'session.signedIn', ' signed in'],
    ['logout', 'session.signedOut', ' signed out'],
  ] as const)
    await sql`
      UPDATE activity_log SET code = ${code}, params = json_build_object('username', username)::text
      WHERE action = ${action} AND username IS NOT NULL AND summary = username || ${words}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE activity_log DROP COLUMN params`.execute(db);
  await sql`ALTER TABLE activity_log DROP COLUMN code`.execute(db);
}
