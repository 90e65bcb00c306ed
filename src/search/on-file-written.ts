import type Database from 'better-sqlite3';
import { indexFile } from './indexer.ts';

/**
 * The ingest runner's hook (`onFileWrittenModule`), loaded by the extraction worker: a file's text enters
 * the entity index inside the transaction that makes the file ready, so it is searchable exactly then.
 */
export function onFileWritten(sqlite: Database.Database, fileId: string): void {
  indexFile({ sqlite, fileId });
}
