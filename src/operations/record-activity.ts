import { cutText } from '../domain/cut-text.ts';
import type { EntityChange } from '../domain/schemas/entity.ts';
import { nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import type { Actor } from './permissions.ts';

/**
 * Appends one entry to the activity log (who did what to which record) and answers its id. Call it inside
 * the write's transaction.
 */
export async function recordActivity({
  store,
  actor,
  action,
  targetType,
  targetId,
  summary,
  changes = null,
}: {
  store: Store;
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: string;
  /** The field-level diff of an entity write. */
  changes?: EntityChange[] | null;
}): Promise<number> {
  return store.activity.insert({
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    action,
    targetType,
    targetId,
    summary: cutText(summary, 1000),
    at: nowIso(),
    changes,
  });
}
