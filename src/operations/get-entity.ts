import type { Entity } from '../domain/schemas/entity.ts';
import { canSee, viewerOf } from '../domain/visibility.ts';
import type { Store } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { hideUnseenLinks } from './hide-unseen-links.ts';
import type { Actor } from './permissions.ts';

/**
 * One entity as the actor may see it: a restricted (unpublished) one is NotFound to anonymous readers, as if it
 * did not exist, and so are the links of a published one to restricted entities (left out of its metadata).
 */
export async function getEntity({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<Entity> {
  const viewer = viewerOf(actor);
  const entity = await store.entities.findById(id);
  if (!entity || !canSee(viewer, entity)) throw new NotFound('Entity', id);
  const [shown] = await hideUnseenLinks(store, viewer, [entity]);
  return shown!;
}
