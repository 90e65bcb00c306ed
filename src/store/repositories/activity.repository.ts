import { type Kysely, sql } from 'kysely';
import { ActivityCode, type ActivityParams } from '../../domain/schemas/activity-note.ts';
import type { EntityChange } from '../../domain/schemas/entity.ts';
import type { Activity } from '../../domain/schemas/user.ts';
import type { ActivityLogTable, Tables } from '../tables.ts';

/** A code this build does not know (written by a newer one) reads as none: the summary stands in. */
const codeOf = (code: string | null) => {
  const known = ActivityCode.safeParse(code);
  return known.success ? known.data : null;
};

const toActivity = (r: Omit<ActivityLogTable, 'id'> & { id: number }): Activity => ({
  id: r.id,
  userId: r.user_id,
  username: r.username,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  summary: r.summary,
  code: codeOf(r.code),
  params: codeOf(r.code) && r.params ? (JSON.parse(r.params) as ActivityParams) : {},
  at: r.at,
  changes: r.changes === null ? null : (JSON.parse(r.changes) as EntityChange[]),
});

/** What `activity.list` narrows by; every field optional. */
export type ActivityFilter = {
  targetId?: string;
  username?: string;
  action?: string;
  template?: string;
  since?: string;
  until?: string;
  summaryContains?: string;
  before?: number;
};

/** The append-only activity log: who did what to which record, when. */
export function createActivityRepository(db: Kysely<Tables>) {
  return {
    /** Appends one entry; answers its id. An entry without a code keeps only its summary. */
    async insert(
      a: Omit<Activity, 'id' | 'code' | 'params'> & Partial<Pick<Activity, 'code' | 'params'>>,
    ): Promise<number> {
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
          code: a.code ?? null,
          params: a.code ? JSON.stringify(a.params ?? {}) : null,
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
    /**
     * The newest entries first, narrowed by every filter given (AND): one record, one person (username),
     * one action, entities of one template (those that still exist), an `at` range (`since` inclusive,
     * `until` exclusive), words of the summary (ASCII case-insensitive on both engines), and entries older
     * than id `before` (the cursor of the previous page).
     */
    async list({
      limit,
      offset = 0,
      targetId,
      username,
      action,
      template,
      since,
      until,
      summaryContains,
      before,
    }: ActivityFilter & { limit: number; offset?: number }) {
      let q = db.selectFrom('activity_log').selectAll();
      if (targetId) q = q.where('target_id', '=', targetId);
      if (username) q = q.where('username', '=', username);
      if (action) q = q.where('action', '=', action);
      if (template)
        q = q
          .where('target_type', '=', 'entity')
          .where('target_id', 'in', (eb) =>
            eb
              .selectFrom('entities')
              .innerJoin('templates', 'templates.id', 'entities.template_id')
              .select('entities.id')
              .where('templates.name', '=', template),
          );
      if (since) q = q.where('at', '>=', since);
      if (until) q = q.where('at', '<', until);
      if (summaryContains) {
        const pattern = `%${summaryContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where(sql<boolean>`lower(summary) LIKE ${pattern} ESCAPE '\\'`);
      }
      if (before !== undefined) q = q.where('id', '<', before);
      const rows = await q.orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toActivity);
    },
  };
}
/** The activity repository. */
export type ActivityRepository = ReturnType<typeof createActivityRepository>;
