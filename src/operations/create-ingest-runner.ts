import type { Config } from '../config.ts';
import { REANCHOR_FILE_JOB } from '../domain/schemas/job.ts';
import { type IngestEvent, IngestRunner, type IngestRunnerOptions } from '../ingest/jobs/ingest-runner.ts';
import type { Store } from '../store/store.ts';
import { NotFound } from './errors.ts';
import { OPERATOR } from './permissions.ts';
import { reanchorFileReferences } from './reanchor-file-references.ts';
import { sweepStrayFiles } from './sweep-stray-files.ts';

/**
 * The runner plus the re-anchoring it starts: `idle()` also waits for the connections of every file written
 * so far to be re-anchored, and `stop()` lets them finish before the caller closes the store, so "drain the
 * queue, then read" (CLI `reindex`, tests, the demo) always sees anchors that agree with the new text.
 */
class ReanchoringIngestRunner extends IngestRunner {
  readonly #reanchoring: Set<Promise<void>>;
  readonly #sweep: () => Promise<unknown>;
  readonly #resume: () => Promise<unknown>;
  #sweeping: Promise<unknown> = Promise.resolve();
  #resuming: Promise<unknown> = Promise.resolve();

  constructor(
    opts: IngestRunnerOptions,
    reanchoring: Set<Promise<void>>,
    { sweep, resume }: { sweep: () => Promise<unknown>; resume: () => Promise<unknown> },
  ) {
    super(opts);
    this.#reanchoring = reanchoring;
    this.#sweep = sweep;
    this.#resume = resume;
  }

  /**
   * Also re-anchors the files whose text a killed process wrote without re-anchoring their connections,
   * and clears what a killed process left under the files directory (sweepStrayFiles).
   */
  override start(): void {
    super.start();
    this.#resuming = this.#resume();
    this.#sweeping = this.#sweep().catch((error: Error) =>
      console.error('Removing stray files from the files directory failed:', error),
    );
  }

  override async idle(fileIds?: string[]): Promise<void> {
    await super.idle(fileIds);
    await Promise.all([this.#sweeping, this.#resuming]);
    while (this.#reanchoring.size) await Promise.all([...this.#reanchoring]);
  }

  override async stop(): Promise<void> {
    await super.stop();
    await Promise.all([this.#sweeping, this.#resuming]);
    while (this.#reanchoring.size) await Promise.all([...this.#reanchoring]);
  }
}

/**
 * The ingest runner as every entry point uses it (server, CLI): its text lands in the search index inside
 * the same transaction that writes it, so a file is searchable exactly when it is ready. Once a file's new
 * text is written (a new version, a re-extraction), its connections are re-anchored to it with
 * `reanchorFileReferences`: moved ends follow their quote, lost ones mark the connection orphaned.
 */
export function createIngestRunner({
  store,
  config,
  onEvent,
  strayGraceMs,
}: {
  store: Store;
  config: Config;
  onEvent?: (e: IngestEvent) => void;
  /** How old a stray file under `<data>/files` must be to be removed at start (default STRAY_GRACE_MS). */
  strayGraceMs?: number;
}): IngestRunner {
  const reanchoring = new Set<Promise<void>>();
  const reanchor = (fileId: string) => {
    const done: Promise<void> = reanchorFileReferences({ store, actor: OPERATOR, fileId })
      .then(() => store.jobs.finishFileJobs(REANCHOR_FILE_JOB, fileId))
      // A failure here must not stop the queue; the anchors stay as they were (still quoting the old text)
      // and the next start, or re-extraction of the file, tries again. A file deleted meanwhile has none.
      .catch((error: Error) => {
        if (error instanceof NotFound) return store.jobs.finishFileJobs(REANCHOR_FILE_JOB, fileId);
        console.error(`Re-anchoring the connections of file ${fileId} failed:`, error);
      })
      .finally(() => reanchoring.delete(done));
    reanchoring.add(done);
  };
  return new ReanchoringIngestRunner(
    {
      store,
      dataDir: config.dataDir,
      concurrency: config.ingestConcurrency,
      maxBytes: config.maxUploadBytes,
      timeoutMs: config.ingestTimeoutSeconds * 1000,
      memoryMb: config.ingestMemoryMb,
      onFileWrittenModule: new URL('./on-file-written.ts', import.meta.url).href,
      onEvent: (e) => {
        // 'failed' keeps the previous text (setFileFailed), so its anchors are still right; every other
        // outcome replaced the text (needs-ocr with an empty one, which orphans the file's connections).
        if (e.type === 'finished' && e.status !== 'failed') reanchor(e.fileId);
        onEvent?.(e);
      },
    },
    reanchoring,
    {
      sweep: () => sweepStrayFiles({ store, graceMs: strayGraceMs }),
      resume: () =>
        store.jobs
          .queuedFileIds(REANCHOR_FILE_JOB)
          .then((ids) => ids.forEach(reanchor))
          .catch((error: Error) => console.error('Reading the re-anchoring queue failed:', error)),
    },
  );
}
