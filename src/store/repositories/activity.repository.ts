import type { Kysely } from 'kysely';
import type { EntityChange } from '../../domain/schemas/entity.ts';
import type { Activity } from '../../domain/schemas/user.ts';
import type { ActivityLogTable, Tables } from '../tables.ts';

const toActivity = (r: Omit<ActivityLogTable, 'id'> & { id: number }): Activity => ({
  id: r.id,
  userId: r.user_id,
  username: r.username,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  summary: r.summary,
  at: r.at,
  changes: r.changes === null ? null : (JSON.parse(r.changes) as EntityChange[]),
});

/** The append-only activity log: who did what to which record, when. */
export function createActivityRepository(db: Kysely<Tables>) {
  return {
    /** Appends one entry; answers its id. */
    async insert(a: Omit<Activity, 'id'>): Promise<number> {
      const row = await db
        .insertInto('activity_log')
        .values({
          user_id: a.userId,
          username: a.username,
          action: a.action,
          target_type: a.targetType,
          target_id: a.targetId,
          summary: a.summary,
          at: a.at,
          changes: a.changes === null ? null : JSON.stringify(a.changes),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    /** One entry, or null. */
    async findById(id: number) {
      const r = await db.selectFrom('activity_log').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toActivity(r) : null;
    },
    /** The newest entries first, optionally about one record. */
    async list({ limit, offset = 0, targetId }: { limit: number; offset?: number; targetId?: string }) {
      let q = db.selectFrom('activity_log').selectAll();
      if (targetId) q = q.where('target_id', '=', targetId);
      const rows = await q.orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toActivity);
    },
  };
}
/** The activity repository. */
export type ActivityRepository = ReturnType<typeof createActivityRepository>;
