import { cleanFilename } from '../../domain/file-name.ts';
import { fileReasonNotes } from '../../domain/file-reasons.ts';
import type { FileRecord } from '../../domain/schemas/file.ts';
import type { StoredFile } from '../../store/store.ts';

/** A file record without where its bytes live on the server. */
export const presentFile = (f: StoredFile | FileRecord): FileRecord => ({
  id: f.id,
  entityId: f.entityId,
  // Rows written before names were cleaned (or imported) may still hold bidi controls.
  filename: cleanFilename(f.filename),
  mimeType: f.mimeType,
  kind: f.kind,
  size: f.size,
  sha256: f.sha256,
  status: f.status,
  reason: f.reason,
  reasonCodes: f.reasonCodes ?? fileReasonNotes(f.reason),
  language: f.language,
  pageCount: f.pageCount,
  paragraphCount: f.paragraphCount,
  progress: f.progress,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
  role: f.role,
});
