import type { Entity } from '../domain/schemas/entity.ts';
import type { Store } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { type Actor, canSeeEntity } from './permissions.ts';

/** One entity; a restricted (unpublished) one is NotFound to anonymous readers, as if it did not exist. */
export async function getEntity({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<Entity> {
  const entity = await store.entities.findById(id);
  if (!entity || !canSeeEntity(actor, entity)) throw new NotFound('Entity', id);
  return entity;
}
