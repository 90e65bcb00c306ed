import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanFilename } from '../../domain/file-name.ts';
import type { FileRole } from '../../domain/schemas/file.ts';
import { INGEST_FILE_JOB } from '../../domain/schemas/job.ts';
import { newId, nowIso } from '../../store/ids.ts';
import type { ImportMapping, Store, StoredFile } from '../../store/store.ts';
import { detectFileKind } from '../detect-file-kind.ts';
import { OPERATOR } from '../permissions.ts';
import { recordActivity } from '../record-activity.ts';
import { ENTITY_FILE_TYPES } from './file-urls.ts';
import { type BsonDoc, idOf } from './read-dump.ts';
import type { ImportReport } from './report.ts';

/** Uwazi's ISO 639-3 document languages (franc's codes) → ours; "other" and unknown ones → none. */
const ISO3: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  ara: 'ar',
  fra: 'fr',
  rus: 'ru',
  zho: 'zh',
  cmn: 'zh',
  por: 'pt',
  deu: 'de',
  ita: 'it',
  tur: 'tr',
};
export const fileLanguage = (uwazi: unknown): string | null => ISO3[String(uwazi)] ?? null;

/**
 * Stores the primary documents and attachments of imported entities and queues each for our ingestion,
 * as an upload does (decision: imported files go through the same pipeline, so their text, pages,
 * paragraphs and search are ours, not Uwazi's `fullText`). The document's Uwazi language is written on the
 * record; extraction then writes the language it detects. Thumbnails (Uwazi's rendering of a document's
 * first page) are kept as the entity's files with the `thumbnail` role, not read. A file missing from
 * `filesDir` is reported; its entity is imported all the same.
 */
export async function importFiles({
  store,
  files,
  filesDir,
  entityIdOf,
  mapped,
  planned,
  dryRun,
  report,
}: {
  store: Store;
  files: BsonDoc[];
  filesDir: string | null;
  entityIdOf: (sharedId: string) => string | undefined;
  mapped: Map<string, string> | undefined;
  /** Ids decided before the entities were written (planFileIds), which their media values name. */
  planned?: Map<string, string>;
  dryRun: boolean;
  report: ImportReport;
}): Promise<Map<string, string>> {
  const r = report.kinds.files;
  const ids = new Map(mapped ?? []);
  for (const f of files) {
    r.read++;
    const uwaziId = idOf(f._id);
    const type = String(f.type ?? 'document');
    const name = String(f.originalname ?? f.filename ?? uwaziId);
    if (!ENTITY_FILE_TYPES.has(type)) {
      r.failed.push(`${name}: a ${type} file (site asset), not an entity's file; not imported`);
      continue;
    }
    if (mapped?.has(uwaziId)) {
      r.unchanged++;
      continue;
    }
    const entityId = entityIdOf(String(f.entity ?? ''));
    if (!entityId) {
      r.failed.push(`${name}: its entity ${String(f.entity)} was not imported`);
      continue;
    }
    const path = filesDir ? join(filesDir, String(f.filename ?? '')) : null;
    if (!path || !f.filename || !existsSync(path)) {
      r.failed.push(
        `${name} (${String(f.filename)}): missing from ${filesDir ?? 'the files folder (none given: --files)'}; its entity is imported without it`,
      );
      continue;
    }
    if (dryRun) {
      r.imported++;
      continue;
    }
    const id = planned?.get(uwaziId) ?? newId();
    const stored = await store.originals.write(id, await readFile(path));
    const at = nowIso();
    // A thumbnail is an image for cards and lists: kept as it is, not read (our pipeline reads documents).
    const thumbnail = type === 'thumbnail';
    const file: StoredFile = {
      id,
      entityId,
      filename: cleanFilename(name),
      mimeType: String(f.mimetype ?? (thumbnail ? 'image/jpeg' : 'application/octet-stream')).slice(0, 200),
      kind: detectFileKind(stored.head, stored.tail, stored.size),
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      status: thumbnail ? 'ready' : 'queued',
      reason: null,
      reasonCodes: [],
      language: fileLanguage(f.language),
      pageCount: null,
      paragraphCount: null,
      progress: null,
      createdAt: at,
      updatedAt: at,
      role: type as FileRole,
    };
    const mapping: ImportMapping = { kind: 'file', sourceId: uwaziId, localId: id };
    try {
      await store.transaction(async (tx) => {
        await tx.files.insert(file);
        if (!thumbnail) await tx.jobs.enqueue(INGEST_FILE_JOB, { fileId: id }, at);
        await tx.importMappings.insert('uwazi', [mapping], at);
        await recordActivity({
          store: tx,
          actor: OPERATOR,
          action: 'upload',
          targetType: 'file',
          targetId: id,
          note: {
            code: 'file.imported',
            params: { fileRole: type, filename: file.filename, kind: file.kind, size: file.size },
          },
        });
      });
    } catch (err) {
      await store.originals.remove(stored.storageKey);
      r.failed.push(`${name}: ${(err as Error).message}`);
      continue;
    }
    ids.set(uwaziId, id);
    r.imported++;
  }
  return ids;
}

/** The files folder to read: the one given, else `uploaded_documents` beside the dump, else none. */
export function defaultFilesDir(dumpDir: string): string | null {
  for (const candidate of [join(dumpDir, 'uploaded_documents'), join(dumpDir, '..', 'uploaded_documents')])
    if (existsSync(candidate)) return candidate;
  return null;
}
