import type { Kysely, Selectable } from 'kysely';
import type { Job } from '../../domain/schemas/job.ts';
import type { JobsTable, Tables } from '../tables.ts';

const toJob = (r: Selectable<JobsTable>): Job => ({
  id: r.id,
  kind: r.kind,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  status: r.status as Job['status'],
  attempts: r.attempts,
  error: r.error,
  progress: r.progress,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Jobs as operations see them: queue one inside a write transaction, list them. Claiming, finishing and
 * crash recovery are the runner's, in jobs-queue.ts (synchronous, on the writer connection).
 */
export function createJobRepository(db: Kysely<Tables>) {
  return {
    /**
     * Queues a job and returns its id. The same job already waiting is not queued twice (a `reindex` while
     * uploads are still queued, a second new version before the first was processed): one run does both.
     */
    async enqueue(kind: string, payload: Record<string, unknown>, at: string) {
      const waiting = await db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('kind', '=', kind)
        .where('payload', '=', JSON.stringify(payload))
        .executeTakeFirst();
      if (waiting) return waiting.id;
      const r = await db
        .insertInto('jobs')
        .values({ kind, payload: JSON.stringify(payload), status: 'queued', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    /**
     * Records where a job run by an operation (not the ingest runner) stands: its payload (the resume point),
     * status, progress (0–1) and error. Written in the transaction of the work it records, so a kill
     * leaves the two in step.
     */
    async update(
      id: number,
      change: {
        payload?: Record<string, unknown>;
        status?: Job['status'];
        progress?: number;
        error?: string | null;
      },
      at: string,
    ) {
      await db
        .updateTable('jobs')
        .set({
          ...(change.payload ? { payload: JSON.stringify(change.payload) } : {}),
          ...(change.status ? { status: change.status } : {}),
          ...(change.progress !== undefined ? { progress: change.progress } : {}),
          ...(change.error !== undefined ? { error: change.error } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
    /**
     * Claims a job by moving its `updated_at` only if it still has the value read: of several processes
     * trying at once, one wins (true). For jobs run by operations rather than the ingest runner's leases.
     */
    async claimIfUnchanged(id: number, updatedAt: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({ updated_at: at, status: 'running' })
        .where('id', '=', id)
        .where('updated_at', '=', updatedAt)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** The job with this id, or null. */
    async findById(id: number) {
      const r = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toJob(r) : null;
    },
    /** Jobs in a state, oldest first (optionally of some kinds). */
    async list({ status, kinds, limit = 100 }: { status?: Job['status']; kinds?: string[]; limit?: number }) {
      let q = db.selectFrom('jobs').selectAll();
      if (status) q = q.where('status', '=', status);
      if (kinds?.length) q = q.where('kind', 'in', kinds);
      return (await q.orderBy('id').limit(limit).execute()).map(toJob);
    },
  };
}
/** The job repository. */
export type JobRepository = ReturnType<typeof createJobRepository>;
