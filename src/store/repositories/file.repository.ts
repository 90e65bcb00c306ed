import type { Kysely, Selectable } from 'kysely';
import type { FileKind, FileRecord, FileRole, FileStatus } from '../../domain/schemas/file.ts';
import type { FilesTable, FileVersionsTable, Tables } from '../tables.ts';
import { reasonColumns, reasonNotesOf } from './file-reason-columns.ts';

/** A file row: the public record plus where its bytes live. */
export type StoredFile = FileRecord & { storageKey: string };

/** An earlier original of a file, kept when a new version replaced it (numbered from 1, oldest first). */
export type StoredFileVersion = Pick<
  StoredFile,
  'filename' | 'mimeType' | 'kind' | 'size' | 'sha256' | 'storageKey'
> & { fileId: string; version: number; uploadedAt: string; replacedAt: string };

const toVersion = (r: Selectable<FileVersionsTable>): StoredFileVersion => ({
  fileId: r.file_id,
  version: Number(r.version),
  filename: r.filename,
  mimeType: r.mime_type,
  kind: r.kind as FileKind,
  size: Number(r.size),
  sha256: r.sha256,
  storageKey: r.storage_key,
  uploadedAt: r.uploaded_at,
  replacedAt: r.replaced_at,
});

const COLUMNS = [
  'id',
  'entity_id',
  'filename',
  'mime_type',
  'kind',
  'size',
  'sha256',
  'storage_key',
  'status',
  'reason',
  'reason_codes',
  'language',
  'page_count',
  'paragraph_count',
  'progress',
  'created_at',
  'updated_at',
  'role',
] as const;

const toFile = (r: Omit<Selectable<FilesTable>, 'full_text'>): StoredFile => ({
  id: r.id,
  entityId: r.entity_id,
  filename: r.filename,
  mimeType: r.mime_type,
  kind: r.kind as FileKind,
  size: r.size,
  sha256: r.sha256,
  storageKey: r.storage_key,
  status: r.status as FileStatus,
  reason: r.reason,
  reasonCodes: reasonNotesOf(r.reason, r.reason_codes),
  language: r.language,
  pageCount: r.page_count,
  paragraphCount: r.paragraph_count,
  progress: r.progress,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  role: r.role as FileRole,
});

/** Uploaded originals' metadata and processing state (the bytes are in FileStorage). */
export function createFileRepository(db: Kysely<Tables>) {
  return {
    /** The file with this id, or null. */
    async findById(id: string) {
      const r = await db.selectFrom('files').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return r ? toFile(r) : null;
    },
    /** The files of an entity, oldest first. */
    async listByEntity(entityId: string) {
      const rows = await db
        .selectFrom('files')
        .select(COLUMNS)
        .where('entity_id', '=', entityId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toFile);
    },
    /** The oldest file with these bytes (by sha256), or null: how an upload finds it is a duplicate. */
    async findBySha256(sha256: string) {
      const r = await db
        .selectFrom('files')
        .select(COLUMNS)
        .where('sha256', '=', sha256)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst();
      return r ? toFile(r) : null;
    },
    /** A file's normalized full text, or null before it is extracted. */
    async fullText(id: string) {
      const r = await db.selectFrom('files').select('full_text').where('id', '=', id).executeTakeFirst();
      return r?.full_text ?? null;
    },
    /** Stores a new file record. */
    async insert(f: StoredFile) {
      await db
        .insertInto('files')
        .values({
          id: f.id,
          entity_id: f.entityId,
          filename: f.filename,
          mime_type: f.mimeType,
          kind: f.kind,
          size: f.size,
          sha256: f.sha256,
          storage_key: f.storageKey,
          status: f.status,
          ...reasonColumns(f.reason),
          language: f.language,
          page_count: f.pageCount,
          paragraph_count: f.paragraphCount,
          progress: f.progress,
          created_at: f.createdAt,
          updated_at: f.updatedAt,
          role: f.role,
        })
        .execute();
    },
    /**
     * Points a file at a new original (a new version) and puts it back in the queue. Its current text, pages
     * and paragraphs stay until the re-extraction replaces them, so connections keep resolving meanwhile.
     */
    async replaceOriginal(
      id: string,
      f: Pick<StoredFile, 'filename' | 'mimeType' | 'kind' | 'size' | 'sha256' | 'storageKey'> & {
        at: string;
      },
    ) {
      await db
        .updateTable('files')
        .set({
          filename: f.filename,
          mime_type: f.mimeType,
          kind: f.kind,
          size: f.size,
          sha256: f.sha256,
          storage_key: f.storageKey,
          status: 'queued',
          ...reasonColumns(null),
          progress: null,
          updated_at: f.at,
        })
        .where('id', '=', id)
        .execute();
    },
    /**
     * Keeps the original a new version is about to replace, as the file's next earlier version (1, 2, …).
     * Called in the same transaction as `replaceOriginal`, so the two numbers never race.
     */
    async addVersion(fileId: string, v: Omit<StoredFileVersion, 'fileId' | 'version'>) {
      const last = await db
        .selectFrom('file_versions')
        .select((eb) => eb.fn.max('version').as('n'))
        .where('file_id', '=', fileId)
        .executeTakeFirst();
      const version = Number(last?.n ?? 0) + 1;
      await db
        .insertInto('file_versions')
        .values({
          file_id: fileId,
          version,
          filename: v.filename,
          mime_type: v.mimeType,
          kind: v.kind,
          size: v.size,
          sha256: v.sha256,
          storage_key: v.storageKey,
          uploaded_at: v.uploadedAt,
          replaced_at: v.replacedAt,
        })
        .execute();
      return version;
    },
    /** A file's earlier originals, oldest first (the current one is the file record itself). */
    async listVersions(fileId: string) {
      const rows = await db
        .selectFrom('file_versions')
        .selectAll()
        .where('file_id', '=', fileId)
        .orderBy('version')
        .execute();
      return rows.map(toVersion);
    },
    /** One earlier original of a file, or null. */
    async findVersion(fileId: string, version: number) {
      const r = await db
        .selectFrom('file_versions')
        .selectAll()
        .where('file_id', '=', fileId)
        .where('version', '=', version)
        .executeTakeFirst();
      return r ? toVersion(r) : null;
    },
    /** Which of these storage keys a file or an earlier version points at (the others' bytes belong to nobody). */
    async referencedKeys(keys: string[]) {
      const found = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const rows = await db
          .selectFrom('files')
          .select('storage_key')
          .where('storage_key', 'in', chunk)
          .union(db.selectFrom('file_versions').select('storage_key').where('storage_key', 'in', chunk))
          .execute();
        for (const r of rows) found.add(r.storage_key);
      }
      return found;
    },
    /** Removes a file record (its pages and paragraphs cascade). */
    async delete(id: string) {
      await db.deleteFrom('files').where('id', '=', id).execute();
    },
  };
}
/** The file repository. */
export type FileRepository = ReturnType<typeof createFileRepository>;
