import { readFile } from 'node:fs/promises';
import { INGEST_FILE_JOB, OCR_FILE_JOB } from '../../domain/schemas/job.ts';
import { isDiskFull } from '../../store/disk-full.ts';
import { originalPath } from '../../store/file-storage.ts';
import type { Claim, ClaimedJob, Store } from '../../store/store.ts';
import { isOcrText, type OcrRequest } from '../ocr/ocr-extraction.ts';
import { tesseractLanguage } from '../ocr/tesseract.ts';
import { PICTURE_AREAS_START, PICTURE_PAGES_START } from '../pdf/extract-pdf.ts';
import { clearFilesText } from './clear-text.ts';
import { ExtractClient, ExtractFailure } from './extract-client.ts';
import type { ExtractSummary } from './extract-worker.ts';
import {
  DEFAULT_LEASE_MS,
  DISK_FULL_REASON,
  isAbandoned,
  MAX_ATTEMPTS,
  newOwner,
  setOwnerLive,
} from './job-claim.ts';

const GAVE_UP_REASON =
  `Processing this file was interrupted ${MAX_ATTEMPTS} times (the process stopped, or could not save its ` +
  'work); it is not tried again automatically. Run `cyberportal reindex` or upload the file again.';

/**
 * Most paragraphs one file may have; a file over it fails with the count and the limit (a truncated text
 * would look complete to readers and search). 250,000 is ~15 MB of text, several thousand pages; the
 * paragraphs themselves are at most MAX_PARAGRAPH_CHARS long.
 */
export const MAX_PARAGRAPHS_PER_FILE = 250_000;

/** Events for progress output (CLI bars, logs). */
export type IngestEvent =
  /** `ocr`: an OCR job's run (the file was extracted before and needed OCR). */
  | { type: 'started'; fileId: string; ocr?: boolean }
  | { type: 'progress'; fileId: string; progress: number }
  | {
      type: 'finished';
      fileId: string;
      status: string;
      reason: string | null;
      pages: number;
      paragraphs: number;
    };

export type IngestRunnerOptions = {
  store: Store;
  dataDir: string;
  concurrency: number;
  maxBytes: number;
  /** Time and memory limits of one file's extraction. */
  timeoutMs: number;
  memoryMb: number;
  /** Defaults to MAX_PARAGRAPHS_PER_FILE. */
  maxParagraphs?: number;
  /**
   * URL of a module exporting `onFileWritten(tx, fileId)`, run in the extraction worker inside the
   * transaction that makes a file ready (the search index hooks in here). A module, not a function: the
   * text is written by the worker, on its own connection, so the HTTP thread never holds it.
   */
  onFileWrittenModule?: string;
  onEvent?: (e: IngestEvent) => void;
  /** How long a claim holds without a heartbeat (default 30 s). */
  leaseMs?: number;
};

/**
 * Processes queued files one job at a time per slot, durably: jobs live in the database, and each file's
 * text is written by the extraction worker in short batches while the file is `processing`, made ready by
 * one final transaction (write-file-text.ts). A job is claimed by one runner (its `owner`) under a lease
 * the runner's heartbeat renews; other runners on the same data directory (the server next to a CLI
 * command) re-queue it only once that owner is gone (`isAbandoned`), never while it works.
 */
export class IngestRunner {
  #opts: IngestRunnerOptions;
  #claim: Claim;
  #clients: ExtractClient[] = [];
  #loops: Promise<void>[] = [];
  /** Jobs this runner holds and renews; a job dropped from here without being finished is left to expire. */
  #held = new Set<number>();
  #heartbeat: NodeJS.Timeout | undefined;
  #lastRecovery = 0;
  #running = 0;
  #stopped = false;
  #idleWaiters: { fileIds?: string[]; resolve: () => void }[] = [];
  #wakers = new Set<() => void>();

  constructor(opts: IngestRunnerOptions) {
    this.#opts = opts;
    this.#claim = { owner: newOwner(), leaseMs: opts.leaseMs ?? DEFAULT_LEASE_MS };
  }

  /** Starts the slots; returns at once (they claim work once the first recovery pass is done). */
  start(): void {
    setOwnerLive(this.#claim.owner, true);
    const recovered = this.#recover();
    this.#heartbeat = setInterval(() => {
      this.#opts.store.jobs
        .renewLeases([...this.#held], this.#claim)
        .catch((err) => console.error('Renewing the ingest job lease failed:', err));
    }, this.#claim.leaseMs / 3);
    this.#heartbeat.unref();
    for (let i = 0; i < this.#opts.concurrency; i++) {
      const client = new ExtractClient({ timeoutMs: this.#opts.timeoutMs, memoryMb: this.#opts.memoryMb });
      this.#clients.push(client);
      this.#loops.push(recovered.then(() => this.#loop(client)));
    }
  }

  /** Tells idle slots that new work was queued. */
  notify(): void {
    for (const wake of this.#wakers) wake();
  }

  /**
   * Resolves when no ingest job is queued or running, here or in another process on the same database
   * (only jobs of `fileIds` when given: a CLI `add` waits for its files, not for the server's other work).
   */
  async idle(fileIds?: string[]): Promise<void> {
    if (await this.#isIdle(fileIds)) return;
    // The slots' poll timers do not keep the process alive; a caller waiting for another process's job does.
    const keepAlive = setInterval(() => {}, 60_000);
    try {
      await new Promise<void>((resolve) => this.#idleWaiters.push({ fileIds, resolve }));
    } finally {
      clearInterval(keepAlive);
    }
  }

  /**
   * Stops taking work and ends the workers; a file cut off here goes back to the queue (its job released,
   * not counted as an attempt) and is processed again by the next runner.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.notify();
    await Promise.all(this.#clients.map((c) => c.close()));
    await Promise.all(this.#loops);
    clearInterval(this.#heartbeat);
    try {
      const held = [...this.#held];
      await this.#opts.store.transaction((tx) => tx.jobs.release(held, this.#claim.owner));
    } catch (err) {
      // The lease runs out instead, and the next runner re-queues them.
      console.error('Releasing the ingest jobs of a stopping runner failed:', err);
    }
    this.#held.clear();
    setOwnerLive(this.#claim.owner, false);
  }

  /** No job waiting or running, in this process or another one on the same database. */
  async #isIdle(fileIds?: string[]) {
    return (
      (fileIds !== undefined || this.#running === 0) &&
      (await this.#opts.store.jobs.countPending(INGEST_FILE_JOB, fileIds)) +
        (await this.#opts.store.jobs.countPending(OCR_FILE_JOB, fileIds)) ===
        0
    );
  }

  /** Re-queues jobs whose runner is gone and repairs stuck files (see recoverAbandonedJobs). */
  async #recover() {
    this.#lastRecovery = Date.now();
    try {
      await this.#opts.store.transaction((tx) =>
        tx.jobs.recoverAbandoned({ kind: INGEST_FILE_JOB, isAbandoned: (job) => isAbandoned(job) }),
      );
    } catch (err) {
      console.error('Recovering abandoned ingest jobs failed:', err);
    }
  }

  async #loop(client: ExtractClient) {
    const { store } = this.#opts;
    while (!this.#stopped) {
      let job: ClaimedJob | null = null;
      try {
        job = await store.jobs.claimNext([INGEST_FILE_JOB, OCR_FILE_JOB], this.#claim);
      } catch (err) {
        console.error('Claiming an ingest job failed; trying again shortly:', err);
      }
      if (!job) {
        // Another process's runner may have died holding a job: take it back once its lease runs out.
        if (Date.now() - this.#lastRecovery > this.#claim.leaseMs / 2) await this.#recover();
        try {
          for (const w of [...this.#idleWaiters])
            if (await this.#isIdle(w.fileIds)) {
              // Another slot may have answered this waiter while this one awaited.
              const at = this.#idleWaiters.indexOf(w);
              if (at < 0) continue;
              this.#idleWaiters.splice(at, 1);
              w.resolve();
            }
        } catch (err) {
          console.error('Reading the ingest queue failed:', err);
        }
        // Poll as a fallback for jobs queued by another process (the CLI while the server runs).
        await new Promise<void>((r) => {
          const wake = () => {
            clearTimeout(t);
            this.#wakers.delete(wake);
            r();
          };
          const t = setTimeout(wake, 1000);
          t.unref();
          this.#wakers.add(wake);
        });
        continue;
      }
      this.#running++;
      this.#held.add(job.id);
      const fileId = String(job.payload.fileId);
      // undefined: the outcome could not be recorded, so the job is left to expire (see #fail).
      let error: string | null | undefined;
      try {
        error =
          job.attempts > MAX_ATTEMPTS
            ? await this.#fail(fileId, new Error(GAVE_UP_REASON))
            : await this.#processFile(client, fileId, job.id, job.kind === OCR_FILE_JOB ? job.payload : null);
      } catch (err) {
        if (this.#stopped) {
          this.#running--;
          return; // still held: stop() releases it
        }
        error = await this.#fail(fileId, err);
      }
      try {
        if (error !== undefined) await store.jobs.finish(job.id, this.#claim.owner, error);
      } catch (err) {
        console.error(`Finishing ingest job ${job.id} failed:`, err);
      }
      // Not renewed any more: a job not finished above runs out of lease and a recovery pass queues it again.
      this.#held.delete(job.id);
      this.#running--;
    }
  }

  /**
   * Marks a file failed with a reason a person can act on, and returns it. If even that cannot be written
   * (the disk is still full), returns undefined: the file stays `processing` under a claim nobody renews,
   * so it is queued again once the lease runs out, and fails for good after MAX_ATTEMPTS.
   */
  async #fail(fileId: string, err: unknown): Promise<string | undefined> {
    const reason = isDiskFull(err) ? DISK_FULL_REASON : (err as Error).message;
    try {
      await this.#opts.store.fileText.setFailed(fileId, reason);
    } catch (writeError) {
      console.error(`Marking file ${fileId} failed did not work (${reason}):`, writeError);
      return undefined;
    }
    this.#opts.onEvent?.({ type: 'finished', fileId, status: 'failed', reason, pages: 0, paragraphs: 0 });
    return reason;
  }

  /** Returns null on success, the reason the job failed, or undefined when that could not be recorded (#fail). */
  async #processFile(
    client: ExtractClient,
    fileId: string,
    jobId: number,
    ocrPayload: Record<string, unknown> | null,
  ): Promise<string | null | undefined> {
    const { store, dataDir, maxBytes, onEvent } = this.#opts;
    const file = await store.fileText.forIngest(fileId);
    if (!file) return `File ${fileId} no longer exists`;
    let ocr: OcrRequest | undefined;
    if (ocrPayload) {
      // A new version with a text layer may have replaced the scan since the job was queued: its text stays.
      const now = await store.fileText.status(fileId);
      const reason = now?.reason ?? '';
      const asked = [PICTURE_PAGES_START, PICTURE_AREAS_START].some((start) => reason.startsWith(start));
      if (now?.status !== 'needs-ocr' && !isOcrText(reason) && !asked) return null;
      const context = await store.jobs.ocrContext(fileId);
      ocr = {
        language:
          tesseractLanguage(String(ocrPayload.language ?? '')) ?? tesseractLanguage(context.chosenLanguage),
        hint: context.documentLanguage,
        pageTimeoutMs: this.#opts.timeoutMs,
      };
    }
    await store.fileText.setProcessing(fileId, 0);
    onEvent?.({ type: 'started', fileId, ...(ocr ? { ocr: true } : {}) });
    let bytes: Buffer;
    try {
      // originalPath refuses a key that is not ours, so a corrupt row reads nothing outside the files dir.
      bytes = await readFile(originalPath(dataDir, file.storage_key));
    } catch {
      return this.#fail(
        fileId,
        new Error('The stored original is missing from the data directory; upload the file again.'),
      );
    }
    let lastWrite = 0;
    let summary: ExtractSummary;
    try {
      summary = await client.process({
        bytes: new Uint8Array(bytes),
        filename: file.filename,
        maxBytes,
        maxParagraphs: this.#opts.maxParagraphs ?? MAX_PARAGRAPHS_PER_FILE,
        locator: store.locator,
        fileId,
        hookModule: this.#opts.onFileWrittenModule,
        ocr,
        onProgress: (p) => {
          onEvent?.({ type: 'progress', fileId, progress: p });
          // Progress is for people watching; a write per second is plenty.
          if (Date.now() - lastWrite > 1000) {
            lastWrite = Date.now();
            // Called from the worker's message event: a rejection here (a full disk) must not end the process.
            Promise.all([store.fileText.setProgress(fileId, p), store.jobs.setProgress(jobId, p)]).catch(
              (err) => console.error(`Recording the progress of file ${fileId} failed:`, err),
            );
          }
        },
      });
    } catch (err) {
      if (this.#stopped) throw err;
      // A worker lost in the middle of writing leaves part of the new text under a `processing` file:
      // remove it (in batches, off this thread: its size is unknown here), so the failed file shows no half text.
      if (err instanceof ExtractFailure && err.writing)
        await clearFilesText(store, [{ id: fileId, paragraphCount: Number.POSITIVE_INFINITY }]);
      return this.#fail(fileId, err);
    }
    onEvent?.({
      type: 'finished',
      fileId,
      status: summary.status,
      reason: summary.reason,
      pages: summary.pages,
      paragraphs: summary.paragraphs,
    });
    return null;
  }
}
