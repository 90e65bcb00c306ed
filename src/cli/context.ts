import { type Config, loadConfig } from '../config.ts';
import type { IngestEvent } from '../ingest/jobs/ingest-runner.ts';
import { createIngestRunner } from '../operations/create-ingest-runner.ts';
import { openConfiguredStore } from '../store/open-configured-store.ts';
import type { Store } from '../store/store.ts';
import { CliError, UsageError } from './errors.ts';

/** Options every command takes. */
export type GlobalOptions = { data?: string; database?: string };

// The errors live apart so that main.ts can tell them without loading the store (errors.ts).
export { CliError, UsageError } from './errors.ts';

/** Reads the configuration with the command line's overrides. */
export function configFrom(opts: GlobalOptions & { port?: string }): Config {
  const overrides: Partial<Config> = {};
  if (opts.data) overrides.dataDir = opts.data;
  if (opts.database !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(opts.database))
      throw new UsageError('--database must be a postgres://user:password@host:port/database URL');
    overrides.databaseUrl = opts.database;
  }
  if (opts.port !== undefined) {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port must be 0–65535, not "${opts.port}"`);
    overrides.port = port;
  }
  return loadConfig(process.env, overrides);
}

/** Opens the store for a command and always closes it. */
export async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  // An unreachable database or a failed migration is the operator's to fix: a message, not a stack trace.
  const store = await openConfiguredStore(config).catch((err: Error) => {
    throw new CliError(err.message);
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs the ingest queue in this process until it is empty (for commands that add or re-extract files), or
 * until the jobs of `fileIds` are done, whichever process ran them (a server on the same data directory
 * may take some).
 */
export async function drainIngestQueue(
  store: Store,
  config: Config,
  onEvent?: (e: IngestEvent) => void,
  fileIds?: string[],
) {
  const runner = createIngestRunner({ store, config, onEvent });
  runner.start();
  try {
    await runner.idle(fileIds);
  } finally {
    await runner.stop();
  }
}
