import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { INGEST_FILE_JOB } from '../../domain/schemas/job.ts';
import { getFileForIngest, setFileFailed, setFileProcessing } from '../../store/sqlite/file-text.ts';
import {
  claimNextJob,
  countQueuedJobs,
  finishJob,
  recoverInterruptedJobs,
  setJobProgress,
} from '../../store/sqlite/jobs-queue.ts';
import { clearFilesText } from './clear-text.ts';
import { ExtractClient, ExtractFailure } from './extract-client.ts';
import type { ExtractSummary } from './extract-worker.ts';

/**
 * Most paragraphs one file may have; a file over it fails with the count and the limit (a truncated text
 * would look complete to readers and search). 250,000 is ~15 MB of text, several thousand pages; the
 * paragraphs themselves are at most MAX_PARAGRAPH_CHARS long.
 */
export const MAX_PARAGRAPHS_PER_FILE = 250_000;

/** Events for progress output (CLI bars, logs). */
export type IngestEvent =
  | { type: 'started'; fileId: string }
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
  sqlite: Database.Database;
  dataDir: string;
  concurrency: number;
  maxBytes: number;
  /** Time and memory limits of one file's extraction. */
  timeoutMs: number;
  memoryMb: number;
  /** Defaults to MAX_PARAGRAPHS_PER_FILE. */
  maxParagraphs?: number;
  /**
   * URL of a module exporting `onFileWritten(sqlite, fileId)`, run in the extraction worker inside the
   * transaction that makes a file ready (the search index hooks in here). A module, not a function: the
   * text is written by the worker, on its own connection, so the HTTP thread never holds it.
   */
  onFileWrittenModule?: string;
  onEvent?: (e: IngestEvent) => void;
};

/**
 * Processes queued files one job at a time per slot, durably: jobs live in the database, a restart puts
 * interrupted ones back in the queue, and each file's text is written by the extraction worker in short
 * batches while the file is `processing`, made ready by one final transaction (write-file-text.ts).
 */
export class IngestRunner {
  #opts: IngestRunnerOptions;
  #clients: ExtractClient[] = [];
  #running = 0;
  #stopped = false;
  #idleWaiters: (() => void)[] = [];
  #wake: (() => void) | null = null;

  constructor(opts: IngestRunnerOptions) {
    this.#opts = opts;
  }

  /** Starts the slots; returns at once. */
  start(): void {
    recoverInterruptedJobs(this.#opts.sqlite);
    for (let i = 0; i < this.#opts.concurrency; i++) {
      const client = new ExtractClient({ timeoutMs: this.#opts.timeoutMs, memoryMb: this.#opts.memoryMb });
      this.#clients.push(client);
      void this.#loop(client);
    }
  }

  /** Tells idle slots that new work was queued. */
  notify(): void {
    this.#wake?.();
  }

  /** Resolves when the queue is empty and no file is being processed. */
  async idle(): Promise<void> {
    if (this.#isIdle()) return;
    await new Promise<void>((r) => this.#idleWaiters.push(r));
  }

  /** Stops taking work and ends the workers; a file cut off here is processed again on the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    await Promise.all(this.#clients.map((c) => c.close()));
  }

  #isIdle() {
    return countQueuedJobs(this.#opts.sqlite, INGEST_FILE_JOB) === 0 && this.#running === 0;
  }

  async #loop(client: ExtractClient) {
    const { sqlite } = this.#opts;
    while (!this.#stopped) {
      const job = claimNextJob(sqlite, [INGEST_FILE_JOB]);
      if (!job) {
        if (this.#isIdle()) for (const r of this.#idleWaiters.splice(0)) r();
        // Poll as a fallback for jobs queued by another process (the CLI while the server runs).
        await new Promise<void>((r) => {
          const t = setTimeout(r, 1000);
          t.unref();
          this.#wake = () => {
            clearTimeout(t);
            r();
          };
        });
        continue;
      }
      this.#running++;
      try {
        const error = await this.#processFile(client, String(job.payload.fileId), job.id);
        finishJob(sqlite, job.id, error);
      } catch (err) {
        if (this.#stopped) return; // left 'running': recovered on next start
        finishJob(sqlite, job.id, (err as Error).message);
      } finally {
        this.#running--;
      }
    }
  }

  /** Returns null on success, or the reason the job failed. */
  async #processFile(client: ExtractClient, fileId: string, jobId: number): Promise<string | null> {
    const { sqlite, dataDir, maxBytes, onEvent } = this.#opts;
    const file = getFileForIngest(sqlite, fileId);
    if (!file) return `File ${fileId} no longer exists`;
    setFileProcessing(sqlite, fileId, 0);
    onEvent?.({ type: 'started', fileId });
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dataDir, 'files', file.storage_key));
    } catch {
      const reason = 'The stored original is missing from the data directory; upload the file again.';
      setFileFailed(sqlite, fileId, reason);
      onEvent?.({ type: 'finished', fileId, status: 'failed', reason, pages: 0, paragraphs: 0 });
      return reason;
    }
    let lastWrite = 0;
    let summary: ExtractSummary;
    try {
      summary = await client.process({
        bytes: new Uint8Array(bytes),
        filename: file.filename,
        maxBytes,
        maxParagraphs: this.#opts.maxParagraphs ?? MAX_PARAGRAPHS_PER_FILE,
        dbPath: sqlite.name,
        fileId,
        hookModule: this.#opts.onFileWrittenModule,
        onProgress: (p) => {
          onEvent?.({ type: 'progress', fileId, progress: p });
          // Progress is for people watching; a write per second is plenty.
          if (Date.now() - lastWrite > 1000) {
            lastWrite = Date.now();
            setFileProcessing(sqlite, fileId, p);
            setJobProgress(sqlite, jobId, p);
          }
        },
      });
    } catch (err) {
      if (this.#stopped) throw err;
      const reason = (err as Error).message;
      // A worker lost in the middle of writing leaves part of the new text under a `processing` file:
      // remove it (in batches, off this thread: its size is unknown here), so the failed file shows no half text.
      if (err instanceof ExtractFailure && err.writing)
        await clearFilesText(sqlite, [{ id: fileId, paragraphCount: Number.POSITIVE_INFINITY }]);
      setFileFailed(sqlite, fileId, reason);
      onEvent?.({ type: 'finished', fileId, status: 'failed', reason, pages: 0, paragraphs: 0 });
      return reason;
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
