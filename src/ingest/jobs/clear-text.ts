import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Store } from '../../store/store.ts';
import { clearFileText } from './write-file-text.ts';

/**
 * Above this many paragraphs a file's text is cleared in a worker thread: even in short batches, the
 * full-text index merges its segments now and then inside one of them (FTS5 automerge: 70–200 ms stalls
 * measured while deleting 100k paragraphs), which the HTTP thread must not sit through.
 */
const OFF_THREAD_PARAGRAPHS = 5000;

/**
 * clearFilesText for operations, which hold a `Store`, not its connection. The handle use stays here
 * until the ingest runner's step of issue 13 moves the batched text writes behind the store.
 */
export const clearStoreFilesText = (store: Store, files: { id: string; paragraphCount: number | null }[]) =>
  clearFilesText(store.sqlite.sqlite, files);

/** Removes the pages and paragraphs of some files, in batches, off the HTTP thread when they are large. */
export async function clearFilesText(
  sqlite: Database.Database,
  files: { id: string; paragraphCount: number | null }[],
): Promise<void> {
  const large = files.filter((f) => (f.paragraphCount ?? 0) > OFF_THREAD_PARAGRAPHS).map((f) => f.id);
  for (const f of files) if (!large.includes(f.id)) await clearFileText(sqlite, f.id);
  if (!large.length) return;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL('./clear-text-worker.mjs', import.meta.url), {
      workerData: { dbPath: sqlite.name, fileIds: large },
    });
    worker.once('message', (m: { done?: boolean; error?: string }) =>
      m.error ? reject(new Error(m.error)) : resolve(),
    );
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Clearing file text stopped (exit ${code}).`)),
    );
  });
}
