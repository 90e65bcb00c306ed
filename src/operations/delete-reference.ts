import type { Store } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** Deletes a connection (editors and admins only). */
export async function deleteReference({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<void> {
  const who = requireRole(actor, 'editor');
  await store.transaction(async (tx) => {
    const references = tx.references;
    const ref = await references.get(id);
    if (!ref) throw new NotFound('Reference', id);
    await references.delete(id);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'delete',
      targetType: 'reference',
      targetId: id,
      note: {
        code: 'reference.deleted',
        params: {
          source: ref.sourcePlace.entityTitle,
          relation: ref.relationLabel,
          relationType: ref.relationType,
          target: ref.targetPlace.entityTitle,
        },
      },
    });
  });
}
