import { setPriority } from 'node:os';
import Database from 'better-sqlite3';
import { applyPragmas } from '../open-database.ts';
import { handlers, type Method } from './handlers.ts';

/**
 * A search worker process: one read-only connection (WAL lets it read while the server writes),
 * answering `{id, method, args}` messages one at a time. A process, not a thread: a query stuck inside
 * SQLite cannot be interrupted from JavaScript (better-sqlite3 exposes no sqlite3_interrupt, and
 * Worker.terminate() waits for native code to return), but a process can always be killed.
 */
const { dbPath, nice } = JSON.parse(process.argv[2] ?? '{}') as { dbPath: string; nice: number };

// Normal priority by default: a niced worker lost the CPU to any busy process on the machine (8× slower
// search). A nice value is still accepted (the bench compares them); where not allowed it is skipped.
try {
  if (nice) setPriority(nice);
} catch {}
// Opened by the first call, under its deadline: opening reads the schema, which can wait on a lock.
let sqlite: Database.Database | null = null;
const connection = () => {
  if (!sqlite) {
    sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
    applyPragmas(sqlite, { readonly: true });
  }
  return sqlite;
};

process.on('message', (msg: { id: number; method: Method; args: unknown }) => {
  let reply: { id: number; result?: unknown; error?: string };
  try {
    const fn = handlers[msg.method] as (db: Database.Database, args: unknown) => unknown;
    reply = { id: msg.id, result: fn(connection(), msg.args) };
  } catch (err) {
    reply = { id: msg.id, error: (err as Error).message ?? String(err) };
  }
  process.send?.(reply);
});
// The portal went away (even if it was killed): nothing is left to answer.
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
