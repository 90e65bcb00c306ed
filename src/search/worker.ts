import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyPragmas } from '../store/sqlite/open-database.ts';
import { handlers, type Method } from './handlers.ts';

/**
 * A search worker: one read-only connection (WAL lets it read while the server writes), answering
 * `{id, method, args}` messages one at a time. Queries are synchronous here, off the HTTP thread.
 */
const { dbPath, nice } = workerData as { dbPath: string; nice: number };

// On Linux a thread has its own scheduling priority: lowering this worker's (by its thread id) lets the
// HTTP event loop win the CPU when searches saturate a small machine (2 cores: 2 workers + the loop).
// Elsewhere, or without /proc, it is skipped: correctness does not depend on it.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (nice && Number.isInteger(tid)) setPriority(tid, nice);
} catch {}
const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
applyPragmas(sqlite, { readonly: true });

parentPort!.on('message', (msg: { id: number; method: Method; args: unknown }) => {
  try {
    const fn = handlers[msg.method] as (db: Database.Database, args: unknown) => unknown;
    parentPort!.postMessage({ id: msg.id, result: fn(sqlite, msg.args) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error).message ?? String(err) });
  }
});
