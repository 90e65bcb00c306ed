import type Database from 'better-sqlite3';
import { OCR_FILE_JOB } from '../../domain/schemas/job.ts';

/**
 * What an `ocr-file` job needs to choose its language: the language an admin chose last for the file (the
 * newest OCR job of the file whose payload names one, so a re-extraction that queues OCR again keeps it)
 * and the document's language.
 */
export function getOcrContext(
  sqlite: Database.Database,
  fileId: string,
): { chosenLanguage: string | null; documentLanguage: string | null } {
  const chosen = sqlite
    .prepare(
      `SELECT json_extract(payload, '$.language') FROM jobs
       WHERE kind = ? AND json_extract(payload, '$.fileId') = ? AND json_extract(payload, '$.language') IS NOT NULL
       ORDER BY id DESC LIMIT 1`,
    )
    .pluck()
    .get(OCR_FILE_JOB, fileId) as string | undefined;
  const documentLanguage = sqlite
    .prepare(`SELECT e.language FROM files f JOIN entities e ON e.id = f.entity_id WHERE f.id = ?`)
    .pluck()
    .get(fileId) as string | undefined;
  return { chosenLanguage: chosen ?? null, documentLanguage: documentLanguage ?? null };
}
