import { canSee, viewerOf } from '../domain/visibility.ts';
import type { Store, StoredFile } from '../store/store.ts';
import { NotFound } from './errors.ts';
import type { Actor } from './permissions.ts';

/** A file record, visible when its entity is; otherwise NotFound, as if it did not exist. */
export async function getFile({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<StoredFile> {
  const file = await store.files.findById(id);
  if (!file) throw new NotFound('File', id);
  const entity = await store.entities.findById(file.entityId);
  if (!entity || !canSee(viewerOf(actor), entity)) throw new NotFound('File', id);
  return file;
}
