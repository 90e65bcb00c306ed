import { INGEST_FILE_JOB } from '../domain/schemas/job.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store, StoredFile } from '../store/store.ts';
import { detectFileKind } from './detect-file-kind.ts';
import { NotFound, ValidationFailed } from './errors.ts';
import { getFile } from './get-file.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';
import { cleanFilename } from './upload-file.ts';

/**
 * Replaces a file's original with a new version under the same file id (collaborators and up), so links to
 * the file, its permalinks and its connections keep pointing at it. The new bytes are written under a new
 * storage key first, and the record then points at them; the old bytes stay, listed as an earlier version of
 * the file (downloadable, decision 45+curation-editing), so a failure at any step leaves the previous version
 * whole and nothing uploaded is ever lost. The file goes back to `queued` and is extracted again; when the ingest
 * runner has written the new text, `createIngestRunner` re-anchors the file's connections.
 */
export async function replaceFileVersion({
  store,
  actor,
  fileId,
  filename,
  mimeType = 'application/octet-stream',
  content,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
  filename: string;
  mimeType?: string;
  content: AsyncIterable<Uint8Array> | Uint8Array;
}): Promise<StoredFile> {
  const who = requireRole(actor, 'collaborator');
  const previous = await getFile({ store, actor, id: fileId });
  const entity = await store.entities.findById(previous.entityId);
  if (!entity) throw new NotFound('File', fileId);
  // A fresh key (not the file id): the storage key is `<sha prefix>/<name>`, and a new version whose digest
  // shares the old one's prefix would otherwise be renamed over the old bytes before the record changed.
  const stored = await store.originals.write(newId(16), content);
  if (stored.size === 0) {
    await store.originals.remove(stored.storageKey);
    throw new ValidationFailed([{ path: 'file', message: 'the file is empty' }]);
  }
  const at = nowIso();
  const next = {
    filename: cleanFilename(filename),
    mimeType: mimeType.slice(0, 200),
    kind: detectFileKind(stored.head, stored.tail, stored.size),
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
  };
  try {
    await store.transaction(async (tx) => {
      // The replaced original is kept as an earlier version: it was uploaded when the file was created or
      // when it replaced the version before it.
      const earlier = await tx.files.listVersions(fileId);
      await tx.files.addVersion(fileId, {
        filename: previous.filename,
        mimeType: previous.mimeType,
        kind: previous.kind,
        size: previous.size,
        sha256: previous.sha256,
        storageKey: previous.storageKey,
        uploadedAt: earlier.at(-1)?.replacedAt ?? previous.createdAt,
        replacedAt: at,
      });
      await tx.files.replaceOriginal(fileId, { ...next, at });
      await tx.jobs.enqueue(INGEST_FILE_JOB, { fileId }, at);
      await recordActivity({
        store: tx,
        actor: who,
        action: 'replace',
        targetType: 'file',
        targetId: fileId,
        note: {
          code: 'file.replaced',
          params: {
            previous: previous.filename,
            title: entity.title,
            filename: next.filename,
            kind: next.kind,
            size: next.size,
          },
        },
      });
    });
  } catch (error) {
    await store.originals.remove(stored.storageKey);
    throw error;
  }
  const file = await store.files.findById(fileId);
  if (!file) throw new NotFound('File', fileId);
  return file;
}
