import { type Kysely, sql } from 'kysely';

/**
 * Safe writes (issue 10), as SQLite's 2026113020-entity-version: every entity carries a version that each
 * write moves (optimistic concurrency), and the activity log keeps each entity write's field-level diff as
 * JSON text (NULL for other entries).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE entities ADD COLUMN version bigint NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE activity_log ADD COLUMN changes text COLLATE "C" CHECK (changes IS NULL OR json_valid(changes))`.execute(
    db,
  );
}
