import { type Kysely, sql } from 'kysely';

/**
 * When a curator last checked a profile, and each of its sections, against the sources: JSON
 * `{"profile": "YYYY-MM-DD" | null, "sections": {"<section heading>": "YYYY-MM-DD"}}`. Readers are shown
 * this, not `updated_at`, which every re-import or bulk edit moves. NULL (never reviewed) is allowed so
 * rows of archives written before this column import unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE entities ADD COLUMN last_reviewed TEXT`.execute(db);
}
