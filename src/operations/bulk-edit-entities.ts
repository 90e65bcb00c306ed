import { mergePatch } from '../domain/merge-patch.ts';
import { BulkEditInput, type BulkEditResult } from '../domain/schemas/bulk.ts';
import type { Entity } from '../domain/schemas/entity.ts';
import type { Store } from '../store/store.ts';
import { deleteEntity } from './delete-entity.ts';
import { fieldErrors, OperationError, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { type DesiredEntity, writeEntity } from './write-entity.ts';

/** Most entities per transaction, so only one batch's entities are in memory at a time. */
export const BULK_BATCH = 200;
/**
 * A batch also ends once its transaction has run this long: better-sqlite3 is synchronous, so while a batch
 * runs the server answers nobody and other writers wait for the lock. Measured at 4–19 ms an entity on a
 * loaded machine (docs/PERFORMANCE.md), 200 entities would be 0.8–3.8 s.
 */
export const BULK_BATCH_MS = 50;

/** One turn of the event loop between batches, so requests that arrived meanwhile are served. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const BULK_CODE = {
  publish: 'entity.bulkPublished',
  unpublish: 'entity.bulkUnpublished',
  set: 'entity.bulkSet',
} as const;

/**
 * One action on many entities (`POST /entities/bulk`, editors and admins): publish, unpublish, set one
 * metadata property (merged as PATCH would: null removes it), or delete. Each entity goes through the
 * ordinary write path (its template's validation, the search index, one activity entry with its diff), in
 * transactions of at most `BULK_BATCH` entities and about `BULK_BATCH_MS`. An entity that cannot take the change (unknown, invalid value for
 * its template) is reported in `failed` and the others go on; one already as asked is `unchanged` and gets
 * no entry. Deletions run one entity at a time, since each first clears its files' text in batches of its
 * own (delete-entity.ts).
 */
export async function bulkEditEntities({
  store,
  actor,
  input,
  batchSize = BULK_BATCH,
  batchMs = BULK_BATCH_MS,
  onProgress,
}: {
  store: Store;
  actor: Actor;
  input: BulkEditInput;
  batchSize?: number;
  batchMs?: number;
  /** Called after each batch commits with the number of ids handled so far. */
  onProgress?: (done: number, total: number) => void;
}): Promise<BulkEditResult> {
  const who = requireRole(actor, 'editor');
  const parsed = BulkEditInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { action, property, value } = parsed.data;
  const ids = [...new Set(parsed.data.ids)];
  const result: BulkEditResult = { total: ids.length, changed: 0, unchanged: 0, failed: [], activityIds: [] };
  const failed = (id: string, e: unknown) => {
    if (!(e instanceof OperationError)) throw e;
    const detail =
      e instanceof ValidationFailed ? `: ${e.errors.map((x) => `${x.path} ${x.message}`).join('; ')}` : '';
    result.failed.push({ id, message: `${e.message}${detail}` });
  };

  if (action === 'delete') {
    for (const [i, id] of ids.entries()) {
      try {
        await deleteEntity({ store, actor: who, id });
        result.changed++;
        const [entry] = await store.activity.list({ limit: 1, targetId: id });
        if (entry) result.activityIds.push(entry.id);
      } catch (e) {
        failed(id, e);
      }
      if ((i + 1) % batchSize === 0 || i === ids.length - 1) onProgress?.(i + 1, ids.length);
    }
    return result;
  }

  const desire = (current: Entity): DesiredEntity => ({
    ...current,
    published: action === 'publish' ? true : action === 'unpublish' ? false : current.published,
    metadata:
      action === 'set'
        ? (mergePatch(current.metadata, { [property!]: value ?? null }) as Record<string, unknown>)
        : current.metadata,
  });
  for (let from = 0; from < ids.length; ) {
    // Counted only once the batch commits: a failing batch (a database error) changes nothing of it.
    const logged: number[] = [];
    const outcome = { changed: 0, unchanged: 0, handled: 0 };
    await store.transaction(async (tx) => {
      const started = performance.now();
      for (const id of ids.slice(from, from + batchSize)) {
        if (outcome.handled > 0 && performance.now() - started > batchMs) break;
        outcome.handled++;
        try {
          let entry: number | null = null;
          await writeEntity({
            store: tx,
            actor: who,
            id,
            basedOn: undefined,
            action: action === 'set' ? 'update' : action,
            desire,
            skipIfUnchanged: true,
            onLogged: (n) => {
              entry = n;
            },
            note: (next) => ({
              code: BULK_CODE[action],
              params: {
                template: next.template,
                title: next.title,
                ...(action === 'set' && property ? { property } : {}),
              },
            }),
          });
          if (entry === null) outcome.unchanged++;
          else {
            outcome.changed++;
            logged.push(entry);
          }
        } catch (e) {
          failed(id, e);
        }
      }
    });
    from += outcome.handled;
    result.changed += outcome.changed;
    result.unchanged += outcome.unchanged;
    result.activityIds.push(...logged);
    onProgress?.(from, ids.length);
    await yieldToLoop();
  }
  return result;
}
