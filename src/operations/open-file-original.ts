import type { Readable } from 'node:stream';
import type { Store, StoredFile } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { getFile } from './get-file.ts';
import type { Actor } from './permissions.ts';

/** The original bytes of a visible file as a stream, with its record (for name, type and size). */
export async function openFileOriginal({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<{ file: StoredFile; stream: Readable }> {
  const file = await getFile({ store, actor, id });
  if ((await store.originals.sizeOf(file.storageKey)) === null) throw new NotFound('Original of file', id);
  return { file, stream: store.originals.read(file.storageKey) };
}
