import type { Config } from '../config.ts';
import { type IngestEvent, IngestRunner, type IngestRunnerOptions } from '../ingest/jobs/ingest-runner.ts';
import type { Store } from '../store/store.ts';
import { OPERATOR } from './permissions.ts';
import { reanchorFileReferences } from './reanchor-file-references.ts';

/**
 * The runner plus the re-anchoring it starts: `idle()` also waits for the connections of every file written
 * so far to be re-anchored, and `stop()` lets them finish before the caller closes the store, so "drain the
 * queue, then read" (CLI `reindex`, tests, the demo) always sees anchors that agree with the new text.
 */
class ReanchoringIngestRunner extends IngestRunner {
  readonly #reanchoring: Set<Promise<void>>;

  constructor(opts: IngestRunnerOptions, reanchoring: Set<Promise<void>>) {
    super(opts);
    this.#reanchoring = reanchoring;
  }

  override async idle(): Promise<void> {
    await super.idle();
    while (this.#reanchoring.size) await Promise.all([...this.#reanchoring]);
  }

  override async stop(): Promise<void> {
    await super.stop();
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
}: {
  store: Store;
  config: Config;
  onEvent?: (e: IngestEvent) => void;
}): IngestRunner {
  const reanchoring = new Set<Promise<void>>();
  const reanchor = (fileId: string) => {
    const done: Promise<void> = reanchorFileReferences({ store, actor: OPERATOR, fileId })
      .then(() => undefined)
      // A failure here must not stop the queue; the anchors stay as they were (still quoting the old text)
      // and the next re-extraction of the file tries again.
      .catch((error: Error) => console.error(`Re-anchoring the connections of file ${fileId} failed:`, error))
      .finally(() => reanchoring.delete(done));
    reanchoring.add(done);
  };
  return new ReanchoringIngestRunner(
    {
      sqlite: store.sqlite.sqlite,
      dataDir: config.dataDir,
      concurrency: config.ingestConcurrency,
      maxBytes: config.maxUploadBytes,
      timeoutMs: config.ingestTimeoutSeconds * 1000,
      memoryMb: config.ingestMemoryMb,
      onFileWrittenModule: new URL('../search/on-file-written.ts', import.meta.url).href,
      onEvent: (e) => {
        // 'failed' keeps the previous text (setFileFailed), so its anchors are still right; every other
        // outcome replaced the text (needs-ocr with an empty one, which orphans the file's connections).
        if (e.type === 'finished' && e.status !== 'failed') reanchor(e.fileId);
        onEvent?.(e);
      },
    },
    reanchoring,
  );
}
