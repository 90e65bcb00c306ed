import { readFile } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { INGEST_FILE_JOB } from '../../domain/schemas/job.ts';
import { originalPath } from '../../store/file-storage.ts';
import {
  getFileForIngest,
  paragraphIdsByKey,
  replaceFileText,
  setFileFailed,
  setFileProcessing,
} from '../../store/sqlite/file-text.ts';
import { newId } from '../../store/sqlite/ids.ts';
import {
  claimNextJob,
  countQueuedJobs,
  finishJob,
  recoverInterruptedJobs,
  setJobProgress,
} from '../../store/sqlite/jobs-queue.ts';
import { stableParagraphKeys } from '../extract-document.ts';
import { ExtractClient } from './extract-client.ts';

/** Called inside the write transaction of a processed file (the search index hooks in here). */
export type OnFileWritten = (sqlite: Database.Database, fileId: string) => void;

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
  onFileWritten?: OnFileWritten;
  onEvent?: (e: IngestEvent) => void;
};

/**
 * Processes queued files one job at a time per slot, durably: jobs live in the database, a restart puts
 * interrupted ones back in the queue, and each file's text is written in one transaction at the end.
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
      const client = new ExtractClient();
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
    const { sqlite, dataDir, maxBytes, onEvent, onFileWritten } = this.#opts;
    const file = getFileForIngest(sqlite, fileId);
    if (!file) return `File ${fileId} no longer exists`;
    setFileProcessing(sqlite, fileId, 0);
    onEvent?.({ type: 'started', fileId });
    let bytes: Buffer;
    try {
      // originalPath refuses a key that is not ours, so a corrupt row reads nothing outside the files dir.
      bytes = await readFile(originalPath(dataDir, file.storage_key));
    } catch {
      const reason = 'The stored original is missing from the data directory; upload the file again.';
      setFileFailed(sqlite, fileId, reason);
      onEvent?.({ type: 'finished', fileId, status: 'failed', reason, pages: 0, paragraphs: 0 });
      return reason;
    }
    let lastWrite = 0;
    let result: Awaited<ReturnType<ExtractClient['extract']>>;
    try {
      result = await client.extract({
        bytes: new Uint8Array(bytes),
        filename: file.filename,
        maxBytes,
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
      setFileFailed(sqlite, fileId, reason);
      onEvent?.({ type: 'finished', fileId, status: 'failed', reason, pages: 0, paragraphs: 0 });
      return reason;
    }
    // Keep the ids of paragraphs whose text did not change, so permalinks and anchors survive a reindex.
    const previous = paragraphIdsByKey(sqlite, fileId, stableParagraphKeys);
    const ids = result.paragraphs.map((p) => previous.get(p.key) ?? newId());
    replaceFileText(
      sqlite,
      fileId,
      result,
      ids,
      onFileWritten ? () => onFileWritten(sqlite, fileId) : undefined,
    );
    onEvent?.({
      type: 'finished',
      fileId,
      status: result.status,
      reason: result.reason,
      pages: result.pages.length,
      paragraphs: result.paragraphs.length,
    });
    return null;
  }
}
