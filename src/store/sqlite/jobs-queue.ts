import type Database from 'better-sqlite3';
import { OCR_FILE_JOB } from '../../domain/schemas/job.ts';

/** A claimed job row. */
export type ClaimedJob = { id: number; kind: string; payload: Record<string, unknown>; attempts: number };

/** Who holds a claim and until when (ms since the epoch); renewed by the owner's heartbeat. */
export type Claim = { owner: string; leaseMs: number };

const now = () => new Date().toISOString();

/**
 * Takes the oldest queued job of the given kinds for `claim.owner` (atomic: one claimer wins, across
 * processes too). A job whose file another runner is processing right now (with any of `kinds`: an
 * extraction and an OCR run of one file are not run together either) waits for that run to end, so a
 * re-extraction queued next to a running one never writes the same file twice at once.
 */
export function claimNextJob(sqlite: Database.Database, kinds: string[], claim: Claim): ClaimedJob | null {
  const placeholders = kinds.map(() => '?').join(',');
  const row = sqlite
    .prepare(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, owner = ?, lease_expires = ?, updated_at = ?
       WHERE id = (
         SELECT q.id FROM jobs q WHERE q.status = 'queued' AND q.kind IN (${placeholders})
           AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.status = 'running' AND r.kind IN (${placeholders})
                           AND json_extract(r.payload, '$.fileId') IS json_extract(q.payload, '$.fileId'))
         ORDER BY q.id LIMIT 1)
       RETURNING id, kind, payload, attempts`,
    )
    .get(claim.owner, Date.now() + claim.leaseMs, now(), ...kinds, ...kinds) as
    | { id: number; kind: string; payload: string; attempts: number }
    | undefined;
  return row ? { ...row, payload: JSON.parse(row.payload) } : null;
}

/** Extends the lease of the jobs this owner is working on (its heartbeat). */
export function renewLeases(sqlite: Database.Database, ids: number[], claim: Claim): void {
  if (!ids.length) return;
  sqlite
    .prepare(
      `UPDATE jobs SET lease_expires = ? WHERE status = 'running' AND owner = ?
       AND id IN (SELECT value FROM json_each(?))`,
    )
    .run(Date.now() + claim.leaseMs, claim.owner, JSON.stringify(ids));
}

/**
 * Marks a job finished, or failed with an error a person can read, if `owner` still holds it (a claim
 * that was lost, its lease having run out, is someone else's now).
 */
export function finishJob(
  sqlite: Database.Database,
  id: number,
  owner: string,
  error: string | null = null,
): void {
  sqlite
    .prepare(
      `UPDATE jobs SET status = ?, error = ?, progress = 1, lease_expires = NULL, updated_at = ?
       WHERE id = ? AND owner = ? AND status = 'running'`,
    )
    .run(error ? 'failed' : 'done', error, now(), id, owner);
}

/**
 * Gives jobs back to the queue because their owner stops (not an attempt that failed: attempts is
 * decremented). Their files go back to `queued` too. Writes nothing when the owner no longer holds them.
 */
export function releaseJobs(sqlite: Database.Database, ids: number[], owner: string): void {
  if (!ids.length) return;
  sqlite
    .transaction(() => {
      const released = sqlite
        .prepare(
          `UPDATE jobs SET status = 'queued', owner = NULL, lease_expires = NULL, progress = NULL,
           attempts = max(attempts - 1, 0), updated_at = ?
           WHERE status = 'running' AND owner = ? AND id IN (SELECT value FROM json_each(?))
           RETURNING kind, json_extract(payload, '$.fileId') AS fileId`,
        )
        .all(now(), owner, JSON.stringify(ids)) as { kind: string; fileId: string | null }[];
      requeueFiles(sqlite, released);
    })
    .immediate();
}

/** A file whose job goes back to the queue waits again: as `queued`, or a scan as `needs-ocr` (its OCR job). */
function requeueFiles(sqlite: Database.Database, jobs: { kind: string; fileId: string | null }[]) {
  const update = sqlite.prepare(
    `UPDATE files SET status = ?, progress = NULL, updated_at = ? WHERE id = ? AND status = 'processing'`,
  );
  for (const j of jobs)
    if (j.fileId) update.run(j.kind === OCR_FILE_JOB ? 'needs-ocr' : 'queued', now(), j.fileId);
}

/** What a recovery pass put right, for logs and tests. */
export type Recovery = { requeuedJobs: number; requeuedFiles: number; restoredJobs: number };

/**
 * Puts back in the queue the work whose runner is gone, and repairs files a crash or a failed write left
 * in a state nobody will move them out of:
 * - a running job that `isAbandoned` says its owner left (lease run out, process dead) → queued again
 *   (safe: a file is made ready only by the final transaction of its write; text a job cut off mid-way
 *   left under its `processing` file is replaced when the job runs again);
 * - a `processing` file with no running job → `queued`;
 * - a `queued` file with no queued or running job → its ingest job again.
 * A live runner's job is never touched. One IMMEDIATE transaction, so two
 * processes starting at once do not both restore the same job.
 */
export function recoverAbandonedJobs(
  sqlite: Database.Database,
  {
    kind,
    isAbandoned,
  }: { kind: string; isAbandoned: (job: { owner: string | null; leaseExpires: number | null }) => boolean },
): Recovery {
  return sqlite
    .transaction((): Recovery => {
      const t = now();
      const running = sqlite
        .prepare(
          `SELECT id, kind, owner, lease_expires AS leaseExpires, json_extract(payload, '$.fileId') AS fileId
           FROM jobs WHERE status = 'running'`,
        )
        .all() as {
        id: number;
        kind: string;
        owner: string | null;
        leaseExpires: number | null;
        fileId: string | null;
      }[];
      const abandoned = running.filter(isAbandoned);
      const requeue = sqlite.prepare(
        `UPDATE jobs SET status = 'queued', owner = NULL, lease_expires = NULL, updated_at = ? WHERE id = ?`,
      );
      for (const j of abandoned) requeue.run(t, j.id);
      requeueFiles(sqlite, abandoned);
      // A file being read by OCR is `processing` under its ocr-file job: not stuck.
      const files = sqlite
        .prepare(
          `UPDATE files SET status = 'queued', progress = NULL, updated_at = ?
           WHERE status = 'processing' AND NOT EXISTS (
             SELECT 1 FROM jobs WHERE status = 'running' AND kind IN (?, ?)
             AND json_extract(payload, '$.fileId') = files.id)`,
        )
        .run(t, kind, OCR_FILE_JOB);
      const restored = sqlite
        .prepare(
          `INSERT INTO jobs (kind, payload, status, created_at, updated_at)
           SELECT ?, json_object('fileId', id), 'queued', ?, ? FROM files
           WHERE status = 'queued' AND NOT EXISTS (
             SELECT 1 FROM jobs WHERE status IN ('queued', 'running') AND kind = ?
             AND json_extract(payload, '$.fileId') = files.id)
           ORDER BY created_at`,
        )
        .run(kind, t, t, kind);
      return { requeuedJobs: abandoned.length, requeuedFiles: files.changes, restoredJobs: restored.changes };
    })
    .immediate();
}

/** Queues a `{fileId}` job unless the same one is already waiting (call inside the caller's transaction). */
export function queueFileJobOnce(sqlite: Database.Database, kind: string, fileId: string): void {
  const t = now();
  sqlite
    .prepare(
      `INSERT INTO jobs (kind, payload, status, created_at, updated_at)
       SELECT ?, json_object('fileId', ?), 'queued', ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE status = 'queued' AND kind = ?
                         AND json_extract(payload, '$.fileId') = ?)`,
    )
    .run(kind, fileId, t, t, kind, fileId);
}

/** Marks the waiting `{fileId}` jobs of a kind done (work done outside the queue, e.g. re-anchoring). */
export function finishFileJobs(sqlite: Database.Database, kind: string, fileId: string): void {
  sqlite
    .prepare(
      `UPDATE jobs SET status = 'done', progress = 1, updated_at = ?
       WHERE status = 'queued' AND kind = ? AND json_extract(payload, '$.fileId') = ?`,
    )
    .run(now(), kind, fileId);
}

/** The files with a waiting job of a kind, oldest first. */
export function listQueuedFileJobs(sqlite: Database.Database, kind: string): string[] {
  return sqlite
    .prepare(
      `SELECT DISTINCT json_extract(payload, '$.fileId') FROM jobs WHERE status = 'queued' AND kind = ? ORDER BY id`,
    )
    .pluck()
    .all(kind) as string[];
}

/** Records how far a running job is (0–1). */
export function setJobProgress(sqlite: Database.Database, id: number, progress: number): void {
  sqlite.prepare(`UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ?`).run(progress, now(), id);
}

/** Jobs of one kind that are waiting or being worked on, by any process (only those of `fileIds` if given). */
export function countPendingJobs(sqlite: Database.Database, kind: string, fileIds?: string[]): number {
  return sqlite
    .prepare(
      `SELECT count(*) FROM jobs WHERE status IN ('queued', 'running') AND kind = ?
       AND (? IS NULL OR json_extract(payload, '$.fileId') IN (SELECT value FROM json_each(?)))`,
    )
    .pluck()
    .get(kind, fileIds ? 1 : null, JSON.stringify(fileIds ?? [])) as number;
}

/** Counts jobs per status, for the CLI and the health endpoint. */
export function countJobs(sqlite: Database.Database): Record<string, number> {
  const rows = sqlite.prepare(`SELECT status, count(*) AS n FROM jobs GROUP BY status`).all() as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
