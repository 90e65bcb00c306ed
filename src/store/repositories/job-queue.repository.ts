import { type Kysely, sql } from 'kysely';
import { OCR_FILE_JOB } from '../../domain/schemas/job.ts';
import type { SqlDialect } from '../sql-dialect.ts';
import type { Tables } from '../tables.ts';
import { inChunks } from './entity.repository.ts';

/** A claimed job row. */
export type ClaimedJob = { id: number; kind: string; payload: Record<string, unknown>; attempts: number };

/** Who holds a claim and until when (ms since the epoch); renewed by the owner's heartbeat. */
export type Claim = { owner: string; leaseMs: number };

/** What a recovery pass put right, for logs and tests. */
export type Recovery = { requeuedJobs: number; requeuedFiles: number; restoredJobs: number };

const now = () => new Date().toISOString();

/** Claims tried in a row when a concurrent claim of the same file wins (PostgreSQL only). */
const CLAIM_ATTEMPTS = 5;

/**
 * The queue as runners use it: claim, renew, finish, release, recover. Several runners share it, in one
 * process or several, on one machine or (PostgreSQL) several: a claim is one UPDATE of the oldest waiting row,
 * so one claimer wins. Methods documented "in a transaction" must run on a transaction's store (`tx.jobs`).
 */
export function createJobQueueRepository(db: Kysely<Tables>, dialect: SqlDialect) {
  const fileIdOf = (column: string) => dialect.jsonText(column, 'fileId');

  /**
   * Puts files a released or abandoned job was processing back to waiting: `queued`, or a scan whose OCR
   * job it was `needs-ocr` (`queued` would extract the scan again before its OCR job runs).
   */
  async function requeueFiles(jobs: { kind: string; fileId: string | null }[]) {
    for (const [status, kinds] of [
      ['needs-ocr', (k: string) => k === OCR_FILE_JOB],
      ['queued', (k: string) => k !== OCR_FILE_JOB],
    ] as const) {
      const ids = jobs.filter((j) => kinds(j.kind) && j.fileId).map((j) => j.fileId as string);
      await inChunks(ids, async (chunk) => {
        await db
          .updateTable('files')
          .set({ status, progress: null, updated_at: now() })
          .where('id', 'in', chunk)
          .where('status', '=', 'processing')
          .execute();
        return [];
      });
    }
  }

  /**
   * One claim statement: the oldest waiting job of `kinds` whose file has no running job of any of `kinds`
   * (an extraction and an OCR run of one file are not run together), now `claim.owner`'s.
   */
  async function claimOnce(kinds: string[], claim: Claim): Promise<ClaimedJob | null> {
    const row = (
      await sql<{ id: number; kind: string; payload: string; attempts: number }>`
        UPDATE jobs SET status = 'running', attempts = attempts + 1, owner = ${claim.owner},
          lease_expires = ${Date.now() + claim.leaseMs}, updated_at = ${now()}
        WHERE id = (
          SELECT q.id FROM jobs q WHERE q.status = 'queued' AND q.kind IN (${sql.join(kinds)})
            AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.status = 'running' AND r.kind IN (${sql.join(kinds)})
              AND (${fileIdOf('r.payload')} = ${fileIdOf('q.payload')}
                OR (${fileIdOf('r.payload')} IS NULL AND ${fileIdOf('q.payload')} IS NULL)))
          ORDER BY q.id LIMIT 1 ${dialect.claimLock})
        RETURNING id, kind, payload, attempts`.execute(db)
    ).rows[0];
    return row ? { ...row, payload: JSON.parse(row.payload) } : null;
  }

  return {
    /**
     * Takes the oldest queued job of the given kinds for `claim.owner` (atomic: one claimer wins, across
     * processes and servers). A job whose file another runner is processing right now (with any of `kinds`:
     * an extraction and an OCR run of one file are not run together either) waits for that run to end, so a
     * re-extraction queued next to a running one never writes the same file twice at once.
     */
    async claimNext(kinds: string[], claim: Claim): Promise<ClaimedJob | null> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await claimOnce(kinds, claim);
        } catch (err) {
          // Another server claimed a job of the same file at the same moment (PostgreSQL's one-running-job-per-
          // file index refused this one): its claim is committed now, so the next try sees it and skips.
          if (attempt >= CLAIM_ATTEMPTS || !dialect.isUniqueViolation(err)) throw err;
        }
      }
    },

    /** Extends the lease of the jobs this owner is working on (its heartbeat). */
    async renewLeases(ids: number[], claim: Claim): Promise<void> {
      if (!ids.length) return;
      await db
        .updateTable('jobs')
        .set({ lease_expires: Date.now() + claim.leaseMs })
        .where('status', '=', 'running')
        .where('owner', '=', claim.owner)
        .where('id', 'in', ids)
        .execute();
    },

    /**
     * Marks a job finished, or failed with an error a person can read, if `owner` still holds it (a claim
     * that was lost, its lease having run out, is someone else's now).
     */
    async finish(id: number, owner: string, error: string | null = null): Promise<void> {
      await db
        .updateTable('jobs')
        .set({
          status: error ? 'failed' : 'done',
          error,
          progress: 1,
          lease_expires: null,
          updated_at: now(),
        })
        .where('id', '=', id)
        .where('owner', '=', owner)
        .where('status', '=', 'running')
        .execute();
    },

    /**
     * Gives jobs back to the queue because their owner stops (not an attempt that failed: attempts is
     * decremented). Their files go back to `queued` too. Writes nothing when the owner no longer holds them.
     * In a transaction.
     */
    async release(ids: number[], owner: string): Promise<void> {
      if (!ids.length) return;
      const released = (
        await sql<{ kind: string; fileId: string | null }>`
          UPDATE jobs SET status = 'queued', owner = NULL, lease_expires = NULL, progress = NULL,
            attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END, updated_at = ${now()}
          WHERE status = 'running' AND owner = ${owner} AND id IN (${sql.join(ids)})
          RETURNING kind, ${fileIdOf('payload')} AS "fileId"`.execute(db)
      ).rows;
      await requeueFiles(released);
    },

    /**
     * Puts back in the queue the work whose runner is gone, and repairs files a crash or a failed write left
     * in a state nobody will move them out of:
     * - a running job that `isAbandoned` says its owner left (lease run out, process dead) → queued again
     *   (safe: a file is made ready only by the final transaction of its write; text a job cut off mid-way
     *   left under its `processing` file is replaced when the job runs again);
     * - a `processing` file with no running job → `queued`;
     * - a `queued` file with no queued or running job → its ingest job again.
     * A live runner's job is never touched. In a transaction, so two processes starting at once do not both
     * restore the same job.
     */
    async recoverAbandoned({
      kind,
      isAbandoned,
    }: {
      kind: string;
      isAbandoned: (job: { owner: string | null; leaseExpires: number | null }) => boolean;
    }): Promise<Recovery> {
      // Two servers starting at once would otherwise both see a file without a job and both restore one.
      if (dialect.queueRepairLock) await dialect.queueRepairLock.execute(db);
      const t = now();
      const running = (
        await sql<{
          id: number;
          kind: string;
          owner: string | null;
          leaseExpires: number | null;
          fileId: string | null;
        }>`
          SELECT id, kind, owner, lease_expires AS "leaseExpires", ${fileIdOf('payload')} AS "fileId"
          FROM jobs WHERE status = 'running'`.execute(db)
      ).rows.map((j) => ({ ...j, leaseExpires: j.leaseExpires === null ? null : Number(j.leaseExpires) }));
      // One argument only: filter's index would land in a predicate's optional `at` (job-claim's isAbandoned).
      const abandoned = running.filter((job) => isAbandoned(job));
      if (abandoned.length)
        await db
          .updateTable('jobs')
          .set({ status: 'queued', owner: null, lease_expires: null, updated_at: t })
          .where(
            'id',
            'in',
            abandoned.map((j) => j.id),
          )
          .execute();
      await requeueFiles(abandoned);
      // A file being read by OCR is `processing` under its ocr-file job: not stuck.
      const files = await sql`
        UPDATE files SET status = 'queued', progress = NULL, updated_at = ${t}
        WHERE status = 'processing' AND NOT EXISTS (
          SELECT 1 FROM jobs WHERE status = 'running' AND kind IN (${kind}, ${OCR_FILE_JOB})
            AND ${fileIdOf('jobs.payload')} = files.id)`.execute(db);
      const restored = await sql`
        INSERT INTO jobs (kind, payload, status, created_at, updated_at)
        SELECT ${kind}, ${dialect.jsonObject('fileId', sql`f.id`)}, 'queued', ${t}, ${t} FROM files f
        WHERE f.status = 'queued' AND NOT EXISTS (
          SELECT 1 FROM jobs WHERE status IN ('queued', 'running') AND kind = ${kind}
            AND ${fileIdOf('jobs.payload')} = f.id)
        ORDER BY f.created_at`.execute(db);
      return {
        requeuedJobs: abandoned.length,
        requeuedFiles: Number(files.numAffectedRows ?? 0),
        restoredJobs: Number(restored.numAffectedRows ?? 0),
      };
    },

    /** Queues a `{fileId}` job unless the same one is already waiting (call inside the caller's transaction). */
    async queueFileJobOnce(kind: string, fileId: string): Promise<void> {
      const t = now();
      await sql`
        INSERT INTO jobs (kind, payload, status, created_at, updated_at)
        SELECT ${kind}, ${JSON.stringify({ fileId })}, 'queued', ${t}, ${t}
        WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE status = 'queued' AND kind = ${kind}
                          AND ${fileIdOf('payload')} = ${fileId})`.execute(db);
    },

    /** Marks the waiting `{fileId}` jobs of a kind done (work done outside the queue, e.g. re-anchoring). */
    async finishFileJobs(kind: string, fileId: string): Promise<void> {
      await sql`
        UPDATE jobs SET status = 'done', progress = 1, updated_at = ${now()}
        WHERE status = 'queued' AND kind = ${kind} AND ${fileIdOf('payload')} = ${fileId}`.execute(db);
    },

    /** The files with a waiting job of a kind, oldest job first. */
    async queuedFileIds(kind: string): Promise<string[]> {
      const rows = (
        await sql<{ fileId: string; first: number }>`
          SELECT ${fileIdOf('payload')} AS "fileId", min(id) AS first FROM jobs
          WHERE status = 'queued' AND kind = ${kind} GROUP BY ${fileIdOf('payload')} ORDER BY first`.execute(
          db,
        )
      ).rows;
      return rows.map((r) => r.fileId).filter((id) => id !== null);
    },

    /**
     * What an OCR job needs to choose its language: the language an admin chose last for the file (the
     * newest OCR job of the file whose payload names one, so a re-extraction that queues OCR again keeps
     * it) and the document's language.
     */
    async ocrContext(
      fileId: string,
    ): Promise<{ chosenLanguage: string | null; documentLanguage: string | null }> {
      const chosen = (
        await sql<{ language: string }>`
          SELECT ${dialect.jsonText('payload', 'language')} AS language FROM jobs
          WHERE kind = ${OCR_FILE_JOB} AND ${fileIdOf('payload')} = ${fileId}
            AND ${dialect.jsonText('payload', 'language')} IS NOT NULL
          ORDER BY id DESC LIMIT 1`.execute(db)
      ).rows[0];
      const document = await db
        .selectFrom('files')
        .innerJoin('entities', 'entities.id', 'files.entity_id')
        .select('entities.language')
        .where('files.id', '=', fileId)
        .executeTakeFirst();
      return { chosenLanguage: chosen?.language ?? null, documentLanguage: document?.language ?? null };
    },

    /** Records how far a running job is (0–1). */
    async setProgress(id: number, progress: number): Promise<void> {
      await db.updateTable('jobs').set({ progress, updated_at: now() }).where('id', '=', id).execute();
    },

    /** Jobs of one kind that are waiting or being worked on, by any process (only those of `fileIds` if given). */
    async countPending(kind: string, fileIds?: string[]): Promise<number> {
      const count = async (chunk?: string[]) =>
        Number(
          (
            await sql<{ n: number }>`SELECT count(*) AS n FROM jobs
              WHERE status IN ('queued', 'running') AND kind = ${kind}
              ${chunk ? sql`AND ${fileIdOf('payload')} IN (${sql.join(chunk)})` : sql``}`.execute(db)
          ).rows[0]?.n ?? 0,
        );
      if (!fileIds) return count();
      const counts = await inChunks(fileIds, async (chunk) => [await count(chunk)]);
      return counts.reduce((a, b) => a + b, 0);
    },

    /** Jobs per status, for the CLI and the health endpoint. */
    async countByStatus(): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}

/** The job queue repository. */
export type JobQueueRepository = ReturnType<typeof createJobQueueRepository>;
