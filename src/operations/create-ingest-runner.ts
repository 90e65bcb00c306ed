import type { Config } from '../config.ts';
import { type IngestEvent, IngestRunner } from '../ingest/jobs/ingest-runner.ts';
import { indexFile } from '../search/indexer.ts';
import type { Store } from '../store/store.ts';

/**
 * The ingest runner as every entry point uses it (server, CLI): its text lands in the search index inside
 * the same transaction that writes it, so a file is searchable exactly when it is ready.
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
  return new IngestRunner({
    sqlite: store.sqlite.sqlite,
    dataDir: config.dataDir,
    concurrency: config.ingestConcurrency,
    maxBytes: config.maxUploadBytes,
    onFileWritten: (sqlite, fileId) => {
      indexFile({ sqlite, fileId });
    },
    onEvent,
  });
}
