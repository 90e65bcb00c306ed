import type Database from 'better-sqlite3';

/** A claimed job row. */
export type ClaimedJob = { id: number; kind: string; payload: Record<string, unknown>; attempts: number };

const now = () => new Date().toISOString();

/**
 * Puts work that was running when the process died back in the queue. Safe because a job's results are
 * written in one transaction at its end: a job cut off mid-way has written nothing.
 */
export function recoverInterruptedJobs(sqlite: Database.Database): number {
  const t = now();
  const r = sqlite
    .prepare(`UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running'`)
    .run(t);
  sqlite
    .prepare(
      `UPDATE files SET status = 'queued', progress = NULL, updated_at = ? WHERE status = 'processing'`,
    )
    .run(t);
  return r.changes;
}

/** Takes the oldest queued job of the given kinds, marking it running (atomic: one claimer wins). */
export function claimNextJob(sqlite: Database.Database, kinds: string[]): ClaimedJob | null {
  const placeholders = kinds.map(() => '?').join(',');
  const row = sqlite
    .prepare(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind IN (${placeholders}) ORDER BY id LIMIT 1)
       RETURNING id, kind, payload, attempts`,
    )
    .get(now(), ...kinds) as { id: number; kind: string; payload: string; attempts: number } | undefined;
  return row ? { ...row, payload: JSON.parse(row.payload) } : null;
}

/** Marks a job finished, or failed with an error a person can read. */
export function finishJob(sqlite: Database.Database, id: number, error: string | null = null): void {
  sqlite
    .prepare(`UPDATE jobs SET status = ?, error = ?, progress = 1, updated_at = ? WHERE id = ?`)
    .run(error ? 'failed' : 'done', error, now(), id);
}

/** Records how far a running job is (0–1). */
export function setJobProgress(sqlite: Database.Database, id: number, progress: number): void {
  sqlite.prepare(`UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ?`).run(progress, now(), id);
}

/** Queued jobs of one kind. */
export function countQueuedJobs(sqlite: Database.Database, kind: string): number {
  return sqlite
    .prepare(`SELECT count(*) FROM jobs WHERE status = 'queued' AND kind = ?`)
    .pluck()
    .get(kind) as number;
}

/** Counts jobs per status, for the CLI and the health endpoint. */
export function countJobs(sqlite: Database.Database): Record<string, number> {
  const rows = sqlite.prepare(`SELECT status, count(*) AS n FROM jobs GROUP BY status`).all() as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
