import { REANCHOR_FILE_JOB } from '../domain/schemas/job.ts';
import type { Store } from '../store/store.ts';

/**
 * The ingest runner's hook (`onFileWrittenModule`), loaded by the extraction worker and run inside the
 * transaction that makes the file ready: its text enters the entity index, so it is searchable exactly
 * then, and a `reanchor-file` job is queued, finished once its connections are re-anchored
 * (`createIngestRunner`), so a process that dies between the two re-anchors them at its next start.
 */
export async function onFileWritten(tx: Store, fileId: string): Promise<void> {
  await tx.searchIndex.indexFile(fileId);
  await tx.jobs.queueFileJobOnce(REANCHOR_FILE_JOB, fileId);
}
