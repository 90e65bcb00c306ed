import { Worker } from 'node:worker_threads';
import type { Store } from '../../store/store.ts';
import { clearFileText } from './write-file-text.ts';

/**
 * Above this many paragraphs a file's text is cleared in a worker thread: even in short batches, the
 * full-text index merges its segments now and then inside one of them (FTS5 automerge: 70–200 ms stalls
 * measured while deleting 100k paragraphs), which the HTTP thread must not sit through.
 */
const OFF_THREAD_PARAGRAPHS = 5000;

/** Removes the pages and paragraphs of some files, in batches, off the HTTP thread when they are large. */
export async function clearFilesText(
  store: Store,
  files: { id: string; paragraphCount: number | null }[],
): Promise<void> {
  const large = files.filter((f) => (f.paragraphCount ?? 0) > OFF_THREAD_PARAGRAPHS).map((f) => f.id);
  for (const f of files) if (!large.includes(f.id)) await clearFileText(store, f.id);
  if (!large.length) return;
  await new Promise<void>((resolve, reject) => {
    // The worker opens the same store for itself (a thread cannot share the connection).
    const worker = new Worker(new URL('./clear-text-worker.mjs', import.meta.url), {
      workerData: { locator: store.locator, fileIds: large },
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
