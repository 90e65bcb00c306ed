import { cleanFilename } from '../domain/file-name.ts';
import type { FileRole } from '../domain/schemas/file.ts';
import { INGEST_FILE_JOB } from '../domain/schemas/job.ts';
import { newId, nowIso } from '../store/ids.ts';
import type { Store, StoredFile } from '../store/store.ts';
import { detectFileKind } from './detect-file-kind.ts';
import { NotFound, ValidationFailed } from './errors.ts';
import { DuplicateFile, findDuplicateFile } from './find-duplicate-file.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** The last path segment of a client-supplied name, without control or bidi characters (domain/file-name). */
export { cleanFilename, INGEST_FILE_JOB };

/**
 * Stores an uploaded original for an entity, records it as `queued` with its kind detected from magic bytes,
 * and queues an ingest job; bytes on disk are removed again if the database write fails.
 */
export async function uploadFile({
  store,
  actor,
  entityId,
  filename,
  mimeType = 'application/octet-stream',
  content,
  duplicates = 'allow',
  role = 'document',
}: {
  store: Store;
  actor: Actor;
  entityId: string;
  filename: string;
  mimeType?: string;
  content: AsyncIterable<Uint8Array> | Uint8Array;
  /** "refuse": bytes already in the collection are not stored again (DuplicateFile names the existing file). */
  duplicates?: 'allow' | 'refuse';
  /** What the file is to its entity (decision 49): an attachment is read too, but is not the document. */
  role?: Exclude<FileRole, 'thumbnail'>;
}): Promise<StoredFile> {
  const who = requireRole(actor, 'collaborator');
  const entity = await store.entities.findById(entityId);
  if (!entity) throw new NotFound('Entity', entityId);
  const id = newId();
  const stored = await store.originals.write(id, content);
  if (stored.size === 0) {
    await store.originals.remove(stored.storageKey);
    throw new ValidationFailed([{ path: 'file', message: 'the file is empty' }]);
  }
  if (duplicates === 'refuse') {
    const existing = await findDuplicateFile({ store, sha256: stored.sha256 });
    if (existing) {
      await store.originals.remove(stored.storageKey);
      throw new DuplicateFile(existing);
    }
  }
  const at = nowIso();
  const file: StoredFile = {
    id,
    entityId,
    filename: cleanFilename(filename),
    mimeType: mimeType.slice(0, 200),
    kind: detectFileKind(stored.head, stored.tail, stored.size),
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
    status: 'queued',
    reason: null,
    reasonCodes: [],
    language: null,
    pageCount: null,
    paragraphCount: null,
    progress: null,
    createdAt: at,
    updatedAt: at,
    role,
  };
  try {
    await store.transaction(async (tx) => {
      await tx.files.insert(file);
      await tx.jobs.enqueue(INGEST_FILE_JOB, { fileId: id }, at);
      await recordActivity({
        store: tx,
        actor: who,
        action: 'upload',
        targetType: 'file',
        targetId: id,
        note: {
          code: 'file.uploaded',
          params: { filename: file.filename, kind: file.kind, size: file.size, title: entity.title },
        },
      });
    });
  } catch (error) {
    await store.originals.remove(stored.storageKey);
    throw error;
  }
  return file;
}
