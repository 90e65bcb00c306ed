import { type Kysely, sql } from 'kysely';

/**
 * Issue 11, decision 64: each activity entry keeps what happened as a stable code and the JSON values it
 * names, beside its English summary, so a reader is told it in their own language. Entries written before
 * keep a NULL code and are shown by their summary; sign-ins and sign-outs, whose summary is exactly
 * "<username> signed in|out", get their code here (their one value is the entry's own username).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE activity_log ADD COLUMN code TEXT`.execute(db);
  await sql`ALTER TABLE activity_log ADD COLUMN params TEXT CHECK (params IS NULL OR json_valid(params))`.execute(
    db,
  );
  for (const [action, code, words] of [
    ['login', 'session.signedIn', ' signed in'],
    ['logout', 'session.signedOut', ' signed out'],
  ] as const)
    await sql`
      UPDATE activity_log SET code = ${code}, params = json_object('username', username)
      WHERE action = ${action} AND username IS NOT NULL AND summary = username || ${words}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE activity_log DROP COLUMN params`.execute(db);
  await sql`ALTER TABLE activity_log DROP COLUMN code`.execute(db);
}
