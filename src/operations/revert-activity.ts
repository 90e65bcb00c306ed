import { type DiffedEntity, fieldValue, sameValue, withField } from '../domain/entity-diff.ts';
import type { RevertManyResult } from '../domain/schemas/bulk.ts';
import type { Entity, LastReviewed } from '../domain/schemas/entity.ts';
import type { EntityTranslations } from '../domain/schemas/translations.ts';
import type { Store } from '../store/store.ts';
import { Conflict, NotFound, OperationError, VersionConflict } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { writeEntity } from './write-entity.ts';

/**
 * Reverts one logged change of an entity (`POST /activity/:id/revert`, editors and admins): every field of
 * its diff goes back to its `before` value, through the ordinary write path, so the revert is validated,
 * indexed and logged (action `revert`, with its own diff) like any write. Refused (409 with the current
 * entity) when one of those fields changed since; changes to other fields are kept. Creations and deletions
 * are not reverted here: undoing a creation is a deletion (DELETE /entities/:id), and a deleted entity's
 * files are gone.
 */
export async function revertActivity({
  store,
  actor,
  activityId,
}: {
  store: Store;
  actor: Actor;
  activityId: number;
}): Promise<Entity> {
  const who = requireRole(actor, 'editor');
  const entry = await store.activity.findById(activityId);
  if (!entry) throw new NotFound('Activity entry', String(activityId));
  if (entry.targetType !== 'entity' || !entry.targetId || !entry.changes)
    throw new Conflict(`Activity entry ${activityId} records no entity changes to revert`, {
      code: 'nothingToRevert',
      params: { entry: activityId },
    });
  if (entry.action === 'create' || entry.action === 'delete')
    throw new Conflict(
      entry.action === 'create'
        ? 'A creation is undone by deleting the entity (DELETE /entities/:id), not by a revert'
        : 'A deletion cannot be reverted: the entity and its files are gone',
      { code: entry.action === 'create' ? 'revertCreation' : 'revertDeletion' },
    );
  const changes = entry.changes;
  const current = await store.entities.findById(entry.targetId);
  if (!current) throw new NotFound('Entity', entry.targetId);
  const changedSince = changes.filter((c) => !sameValue(fieldValue(current, c.field), c.after));
  if (changedSince.length)
    throw new VersionConflict(
      current,
      `Cannot revert: ${changedSince.map((c) => c.field).join(', ')} changed since entry ${activityId}. ` +
        'Nothing was written; edit the entity instead.',
    );
  return writeEntity({
    store,
    actor: who,
    id: current.id,
    basedOn: current.version,
    action: 'revert',
    desire: (now) => {
      let state: DiffedEntity = now;
      for (const c of changes) state = withField(state, c.field, c.before);
      return {
        ...state,
        translations: (state.translations ?? {}) as EntityTranslations,
        lastReviewed: state.lastReviewed as LastReviewed,
      };
    },
    note: (next, fields) => ({
      code: 'entity.reverted',
      params: { entry: activityId, template: next.template, title: next.title, fields },
    }),
  });
}

/**
 * Reverts many entries (the undo of a bulk edit, `POST /activity/revert`), newest first so that several
 * changes of one entity unwind in order, in transactions of `batchSize` entries. An entry that cannot be
 * reverted (changed since, a creation) is reported and the others go on.
 */
export async function revertActivities({
  store,
  actor,
  activityIds,
  batchSize = 200,
}: {
  store: Store;
  actor: Actor;
  activityIds: number[];
  batchSize?: number;
}): Promise<RevertManyResult> {
  const who = requireRole(actor, 'editor');
  const ids = [...new Set(activityIds)].sort((a, b) => b - a);
  const result: RevertManyResult = { reverted: 0, failed: [] };
  for (let from = 0; from < ids.length; from += batchSize) {
    let reverted = 0;
    await store.transaction(async (tx) => {
      for (const activityId of ids.slice(from, from + batchSize)) {
        try {
          await revertActivity({ store: tx, actor: who, activityId });
          reverted++;
        } catch (e) {
          if (!(e instanceof OperationError)) throw e;
          result.failed.push({ activityId, message: e.message });
        }
      }
    });
    result.reverted += reverted;
  }
  return result;
}
