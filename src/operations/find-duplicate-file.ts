import type { DuplicateOf } from '../domain/schemas/file.ts';
import type { Store } from '../store/store.ts';
import { Conflict } from './errors.ts';

/** An upload whose bytes are already in the collection, refused unless the caller allows copies. */
export class DuplicateFile extends Conflict {
  override name = 'DuplicateFile';
  constructor(readonly duplicateOf: DuplicateOf) {
    super(`This file is ${describeDuplicate(duplicateOf)}.`, {
      code: 'duplicateFile',
      params: { file: duplicateOf.filename, title: duplicateOf.entityTitle },
    });
  }
}

/** "already in the collection as "a.pdf" of "National strategy"", for messages. */
export const describeDuplicate = (d: DuplicateOf) =>
  `already in the collection as "${d.filename}" of "${d.entityTitle}"`;

/**
 * The file already holding these bytes (same sha256) and its entity, or null. Uploads ask before storing a
 * second copy, so the same document added twice is a choice, not an accident.
 */
export async function findDuplicateFile({
  store,
  sha256,
}: {
  store: Store;
  sha256: string;
}): Promise<DuplicateOf | null> {
  const file = await store.files.findBySha256(sha256);
  if (!file) return null;
  const entity = await store.entities.findById(file.entityId);
  return {
    fileId: file.id,
    entityId: file.entityId,
    entityTitle: entity?.title ?? '',
    filename: file.filename,
    link: `/documents/${file.entityId}?file=${file.id}`,
  };
}
