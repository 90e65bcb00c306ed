import type { ActivityPage, ActivityQuery } from '../domain/schemas/api.ts';
import type { Store } from '../store/store.ts';
import { type Actor, requireRole } from './permissions.ts';

/** The day after a `YYYY-MM-DD` day, as the ISO instant it starts (UTC): `to` is inclusive. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/**
 * A page of the activity log, newest first, narrowed by the query's filters (admins only). Paged by a cursor
 * (the last entry's id), so a page stays right while new entries arrive; `offset` is kept for older
 * clients. One more entry than asked is read to know whether there is a next page.
 */
export async function listActivity({
  store,
  actor,
  query,
}: {
  store: Store;
  actor: Actor;
  query: Partial<ActivityQuery>;
}): Promise<ActivityPage> {
  requireRole(actor, 'admin');
  const limit = query.limit ?? 100;
  const rows = await store.activity.list({
    limit: limit + 1,
    offset: query.offset ?? 0,
    targetId: query.targetId || undefined,
    username: query.person || undefined,
    action: query.action || undefined,
    template: query.template || undefined,
    since: query.from ? `${query.from}T00:00:00.000Z` : undefined,
    until: query.to ? dayAfter(query.to) : undefined,
    summaryContains: query.q?.trim() || undefined,
    before: query.cursor ? Number(query.cursor) : undefined,
  });
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null,
  };
}
