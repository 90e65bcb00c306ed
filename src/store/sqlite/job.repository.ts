import type { Kysely, Selectable } from 'kysely';
import type { Job } from '../../domain/schemas/job.ts';
import type { JobsTable, Tables } from './tables.ts';

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

/** Durable background work: queued rows survive a restart and are claimed one at a time. */
export function createJobRepository(db: Kysely<Tables>) {
  return {
    /** Queues a job and returns its id. */
    async enqueue(kind: string, payload: Record<string, unknown>, at: string) {
      const r = await db
        .insertInto('jobs')
        .values({ kind, payload: JSON.stringify(payload), status: 'queued', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
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
    /** Atomically marks the oldest queued job of these kinds as running and returns it, or null. */
    async claimNext(kinds: string[], at: string) {
      const r = await db
        .updateTable('jobs')
        .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), updated_at: at }))
        .where('id', '=', (eb) =>
          eb
            .selectFrom('jobs')
            .select('id')
            .where('status', '=', 'queued')
            .where('kind', 'in', kinds)
            .orderBy('id')
            .limit(1),
        )
        .returningAll()
        .executeTakeFirst();
      return r ? toJob(r) : null;
    },
    /** Records the outcome or progress of a job. */
    async update(
      id: number,
      p: { status?: Job['status']; error?: string | null; progress?: number | null; at: string },
    ) {
      await db
        .updateTable('jobs')
        .set({
          ...(p.status !== undefined ? { status: p.status } : {}),
          ...(p.error !== undefined ? { error: p.error } : {}),
          ...(p.progress !== undefined ? { progress: p.progress } : {}),
          updated_at: p.at,
        })
        .where('id', '=', id)
        .execute();
    },
    /** Puts jobs left running by a crash back in the queue; returns how many. */
    async requeueRunning(at: string) {
      const r = await db
        .updateTable('jobs')
        .set({ status: 'queued', updated_at: at })
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}
/** The job repository. */
export type JobRepository = ReturnType<typeof createJobRepository>;
