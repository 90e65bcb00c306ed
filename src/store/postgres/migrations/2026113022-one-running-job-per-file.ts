import { type Kysely, sql } from 'kysely';

/**
 * At most one running job per file whatever its kind, not per kind: an extraction and an OCR run of one
 * file (issue 14) must not write its text at once, and under READ COMMITTED two servers claiming at the same
 * moment do not see each other's claim, so the claim's NOT EXISTS alone cannot keep them apart (the later
 * claim fails on this index and retries). Jobs without a file stay one running per kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX jobs_one_running_per_file`.execute(db);
  await sql`CREATE UNIQUE INDEX jobs_one_running_per_file ON jobs
    ((coalesce('file:' || (payload::jsonb ->> 'fileId'), 'kind:' || kind))) WHERE status = 'running'`.execute(
    db,
  );
}
