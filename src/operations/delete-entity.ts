import { diffEntity } from '../domain/entity-diff.ts';
import { clearFilesText } from '../ingest/jobs/clear-text.ts';
import type { Store } from '../store/store.ts';
import { NotFound, VersionConflict } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';
import type { BasedOn } from './write-entity.ts';

const DELETING = 'This document was being deleted when the server stopped: delete it again.';

/** Deletes an entity with its links, files and their text (editors and admins only). */
export async function deleteEntity({
  store,
  actor,
  id,
  ifMatch,
}: {
  store: Store;
  actor: Actor;
  id: string;
  /** The version the deletion is based on (If-Match), if the caller gave one: 409 when it is old. */
  ifMatch?: BasedOn;
}): Promise<void> {
  const who = requireRole(actor, 'editor');
  const entity = await store.entities.findById(id);
  if (!entity) throw new NotFound('Entity', id);
  if (typeof ifMatch === 'number' && ifMatch !== entity.version)
    throw new VersionConflict(
      entity,
      `This deletion was based on version ${ifMatch}, but the entity is now at version ${entity.version}. Nothing was deleted.`,
    );
  const files = await store.files.listByEntity(id);
  // Earlier versions' bytes go with their files (their rows cascade with the files').
  const versionKeys: string[] = [];
  for (const f of files) for (const v of await store.files.listVersions(f.id)) versionKeys.push(v.storageKey);
  if (files.length) {
    // A file's paragraphs leave the full-text index one by one (a trigger each): in the delete's own
    // transaction, a 200k-paragraph file held the server for seconds. They go first, in short batches
    // (in a worker thread for large files).
    // The entity leaves search and its files are marked before that, so a crash midway leaves a document
    // to delete again, never half a text shown as ready.
    await store.transaction(async (tx) => {
      await tx.searchIndex.removeEntity(id);
      for (const f of files) await tx.fileText.setFailed(f.id, DELETING);
    });
    await clearFilesText(store, files);
  }
  await store.transaction(async (tx) => {
    // Taken before the delete cascades the links away: the linking entities' index rows hold its title.
    const linkers = (await tx.entities.inboundLinks(id)).map((l) => l.fromId).filter((from) => from !== id);
    await tx.entities.delete(id);
    await tx.searchIndex.removeEntity(id);
    await tx.searchIndex.reindexLinkersOfDeleted(linkers);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'delete',
      targetType: 'entity',
      targetId: id,
      note: {
        code: 'entity.deleted',
        params: { template: entity.template, title: entity.title, files: files.length },
      },
      changes: diffEntity(entity, null),
    });
  });
  // The rows are gone; the originals go after the commit so a rollback never loses bytes.
  await Promise.all(
    [...files.map((f) => f.storageKey), ...versionKeys].map((k) => store.originals.remove(k)),
  );
}
