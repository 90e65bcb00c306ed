import type { Activity } from '../domain/schemas/user.ts';
import type { Store } from '../store/store.ts';
import { type Actor, requireRole } from './permissions.ts';

/** The newest activity log entries, optionally about one record (admins only). */
export async function listActivity({
  store,
  actor,
  limit = 100,
  offset = 0,
  targetId,
}: {
  store: Store;
  actor: Actor;
  limit?: number;
  offset?: number;
  targetId?: string;
}): Promise<Activity[]> {
  requireRole(actor, 'admin');
  return store.activity.list({ limit, offset, targetId });
}
