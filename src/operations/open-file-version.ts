import type { Readable } from 'node:stream';
import type { Store, StoredFileVersion } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { getFile } from './get-file.ts';
import type { Actor } from './permissions.ts';

/**
 * The bytes of one original of a visible file, by its version number: an earlier version from its kept
 * record, the current one (the highest number) from the file itself.
 */
export async function openFileVersion({
  store,
  actor,
  fileId,
  version,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
  version: number;
}): Promise<{ version: Pick<StoredFileVersion, 'filename' | 'kind' | 'size'>; stream: Readable }> {
  const file = await getFile({ store, actor, id: fileId });
  const earlier = await store.files.findVersion(fileId, version);
  const found = earlier ?? ((await store.files.listVersions(fileId)).length + 1 === version ? file : null);
  if (!found) throw new NotFound(`Version ${version} of file`, fileId);
  if ((await store.originals.sizeOf(found.storageKey)) === null)
    throw new NotFound(`Original of version ${version} of file`, fileId);
  return { version: found, stream: store.originals.read(found.storageKey) };
}
