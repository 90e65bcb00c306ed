import { type Kysely, sql } from 'kysely';

/**
 * Safe writes (issue 10): every entity row carries a version, incremented by every write, that a write must
 * be based on (optimistic concurrency: `UPDATE … WHERE id = ? AND version = ?`); existing rows start at 1.
 * The activity log keeps the field-level diff of each entity write as JSON
 * `[{"field": "title" | "metadata.<key>" | …, "before"?: …, "after"?: …}]` (NULL for other entries and for
 * entries written before this migration), so a change can be read and reverted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE entities ADD COLUMN version INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE activity_log ADD COLUMN changes TEXT`.execute(db);
}
