import { activitySummary } from '../domain/activity-summary.ts';
import { cutText } from '../domain/cut-text.ts';
import type { ActivityNote } from '../domain/schemas/activity-note.ts';
import type { EntityChange } from '../domain/schemas/entity.ts';
import { nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import type { Actor } from './permissions.ts';

/**
 * Appends one entry to the activity log (who did what to which record) and answers its id. Call it inside
 * the write's transaction. What happened is given as a code and its values (`note`); the English summary
 * is worded from them, so the API's sentence and a client's translation always say the same.
 */
export async function recordActivity({
  store,
  actor,
  action,
  targetType,
  targetId,
  note,
  changes = null,
}: {
  store: Store;
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string | null;
  note: ActivityNote;
  /** The field-level diff of an entity write. */
  changes?: EntityChange[] | null;
}): Promise<number> {
  return store.activity.insert({
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    action,
    targetType,
    targetId,
    summary: cutText(activitySummary(note), 1000),
    code: note.code,
    params: note.params,
    at: nowIso(),
    changes,
  });
}
