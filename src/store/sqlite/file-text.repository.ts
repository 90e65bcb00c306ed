import type Database from 'better-sqlite3';
import { getFileStatus, listFileIds, listFileParagraphs } from './file-text.ts';

/** A file's extracted text as the CLI reads it: status, paragraphs as stored, every file id. */
export function createFileTextRepository(sqlite: Database.Database) {
  return {
    /** Whether a file exists, and its status (with the reason of a failure). */
    status: (fileId: string) => getFileStatus(sqlite, fileId),
    /** A file's paragraphs in reading order, as stored. */
    paragraphs: (fileId: string) => listFileParagraphs(sqlite, fileId),
    /** Every file id, oldest first (a full re-extraction). */
    allFileIds: (): string[] => listFileIds(sqlite),
  };
}
