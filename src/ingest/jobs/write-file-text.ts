/**
 * A file's text written and removed in short transactions with pauses between them, so that neither the
 * thread doing it nor other writers wait long: the write of a 200k-paragraph file took 7–40 s in one
 * transaction (each paragraph is tokenized into the full-text index by a trigger) and froze the HTTP loop.
 *
 * Crash safety comes from the file's status, not from one transaction: the batches are written while the
 * file is `processing` (a staging state: its old text is removed first, the new text is not announced),
 * and only the final switch — one transaction with the search index — makes it ready. A process killed in
 * between leaves a `processing` file whose job goes back to the queue and rewrites it from the start.
 */
import type { FileTextInput, Store } from '../../store/store.ts';

/** Target time of one batch: well under the 50 ms event-loop budget, so readers' requests interleave. */
export const BATCH_MS = 15;

export type Pause = () => Promise<void>;

/** Between batches: a macrotask, so I/O callbacks (and other writers' transactions) get their turn. */
export const yieldToLoop: Pause = () => new Promise((r) => setImmediate(r));

/** Rows per batch adapt to the measured cost, so the batch stays near BATCH_MS on a fast or a busy machine. */
class BatchSizer {
  rows = 100;
  async time<T>(n: number, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const out = await fn();
    const ms = performance.now() - t0;
    if (n > 0) this.rows = Math.max(10, Math.min(5000, Math.round((n * BATCH_MS) / Math.max(ms, 0.5))));
    return out;
  }
}

/** Removes a file's pages and paragraphs in batches (deleting an entity, cleaning after a failed write). */
export async function clearFileText(store: Store, fileId: string, pause = yieldToLoop) {
  const sizer = new BatchSizer();
  for (;;) {
    const limit = sizer.rows;
    const n = await sizer.time(limit, () =>
      store.transaction((tx) => tx.fileText.deleteBatch(fileId, limit)),
    );
    if (n === 0) return;
    await pause();
  }
}

/**
 * Replaces a file's text: old rows removed and new rows written in batches while the file stays
 * `processing`, then the switch (status, counts, full text, `afterWrite`) in one transaction.
 */
export async function writeFileText(
  store: Store,
  fileId: string,
  input: FileTextInput,
  ids: string[],
  { afterWrite, pause = yieldToLoop }: { afterWrite?: (tx: Store) => Promise<void>; pause?: Pause } = {},
): Promise<void> {
  await clearFileText(store, fileId, pause);
  const batch = (
    pages: FileTextInput['pages'],
    paragraphs: FileTextInput['paragraphs'],
    batchIds: string[],
  ) => store.transaction((tx) => tx.fileText.insertBatch(fileId, pages, paragraphs, batchIds));
  const sizer = new BatchSizer();
  // Pages carry their lines' geometry (heavier rows): a page counts as ten paragraphs.
  for (let i = 0; i < input.pages.length; ) {
    const n = Math.max(1, Math.ceil(sizer.rows / 10));
    const slice = input.pages.slice(i, i + n);
    await sizer.time(slice.length * 10, () => batch(slice, [], []));
    i += slice.length;
    await pause();
  }
  for (let i = 0; i < input.paragraphs.length; ) {
    const slice = input.paragraphs.slice(i, i + sizer.rows);
    await sizer.time(slice.length, () => batch([], slice, ids.slice(i, i + slice.length)));
    i += slice.length;
    await pause();
  }
  // The switch, with `afterWrite` (the search index) in the same transaction, so the file becomes ready
  // exactly when all its text is there.
  await store.transaction(async (tx) => {
    await tx.fileText.setTextStatus(fileId, {
      status: input.status,
      kind: input.kind,
      reason: input.reason,
      language: input.language,
      fullText: input.fullText,
      pageCount: input.pages.length,
      paragraphCount: input.paragraphs.length,
    });
    await afterWrite?.(tx);
  });
}
