import type Database from 'better-sqlite3';
import { REANCHOR_FILE_JOB } from '../domain/schemas/job.ts';
import { indexFile } from '../search/indexer.ts';
import { queueFileJobOnce } from '../store/sqlite/jobs-queue.ts';

/**
 * The ingest runner's hook (`onFileWrittenModule`), loaded by the extraction worker and run inside the
 * transaction that makes the file ready: its text enters the entity index, so it is searchable exactly
 * then, and a `reanchor-file` job is queued, finished once its connections are re-anchored
 * (`createIngestRunner`), so a process that dies between the two re-anchors them at its next start.
 */
export function onFileWritten(sqlite: Database.Database, fileId: string): void {
  indexFile({ sqlite, fileId });
  queueFileJobOnce(sqlite, REANCHOR_FILE_JOB, fileId);
}
