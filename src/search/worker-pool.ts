import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyPragmas } from '../store/sqlite/open-database.ts';
import { exportResults } from './export.ts';
import { type Handlers, handlers, type Method } from './handlers.ts';
import type { SearchParams } from './search.ts';

type Args<M extends Method> = Parameters<Handlers[M]>[1];
type Result<M extends Method> = ReturnType<Handlers[M]>;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; pending: Map<number, Pending> };

/** Runs search operations off the HTTP thread; `workers: 0` runs them in-process (tests, CLI). */
export type SearchPool = {
  run<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  search(args: Args<'search'>): Promise<Result<'search'>>;
  searchWithinFile(args: Args<'searchWithinFile'>): Promise<Result<'searchWithinFile'>>;
  autocompleteTitles(args: Args<'autocompleteTitles'>): Promise<Result<'autocompleteTitles'>>;
  exportResults(args: SearchParams, format: 'csv' | 'json'): AsyncGenerator<string>;
  close(): Promise<void>;
};

export type SearchPoolOptions = {
  /** The database file; each worker opens it read-only. */
  dbPath?: string;
  /** For `workers: 0`: use this connection instead of opening one. */
  sqlite?: Database.Database;
  /** config.searchWorkers. */
  workers: number;
  /** Nice value of worker threads on Linux (default 10: the HTTP loop comes first; 0 disables). */
  nice?: number;
};

/**
 * A fixed pool of worker threads, each with its own read-only better-sqlite3 connection. A request goes
 * to the worker with the fewest requests in flight. A worker that dies fails its requests and is
 * replaced on the next request.
 */
export function createSearchPool(opts: SearchPoolOptions): SearchPool {
  let nextId = 1;
  let closed = false;
  const slots: (Slot | null)[] = Array.from({ length: opts.workers }, () => null);
  let local: Database.Database | null = null;
  let ownsLocal = false;

  const spawn = (i: number): Slot => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { dbPath: opts.dbPath, nice: opts.nice ?? 10 },
    });
    const slot: Slot = { worker, pending: new Map() };
    const failAll = (err: Error) => {
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      if (slots[i] === slot) slots[i] = null;
    };
    worker.on('message', (m: { id?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`search worker stopped (exit ${code})`)));
    slots[i] = slot;
    return slot;
  };

  const run = <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
    if (closed) return Promise.reject(new Error('search pool is closed'));
    if (!opts.workers) {
      try {
        if (!local) {
          ownsLocal = !opts.sqlite;
          local = opts.sqlite ?? new Database(opts.dbPath!, { readonly: true, fileMustExist: true });
          if (ownsLocal) applyPragmas(local, { readonly: true });
        }
        const fn = handlers[method] as (db: Database.Database, a: unknown) => Result<M>;
        return Promise.resolve(fn(local, args));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    let best = 0;
    for (let i = 0; i < slots.length; i++) {
      const load = slots[i]?.pending.size ?? 0;
      if (load < (slots[best]?.pending.size ?? 0)) best = i;
    }
    const slot = slots[best] ?? spawn(best);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      slot.worker.postMessage({ id, method, args });
    });
  };

  return {
    run,
    search: (a) => run('search', a),
    searchWithinFile: (a) => run('searchWithinFile', a),
    autocompleteTitles: (a) => run('autocompleteTitles', a),
    exportResults: (a, format) => exportResults({ ...a, run: (p) => run('search', p) }, format),
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (s) => {
          if (!s) return;
          // Let in-flight queries finish (up to 5 s), then stop the thread.
          const until = Date.now() + 5000;
          while (s.pending.size && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
          await s.worker.terminate();
        }),
      );
      slots.fill(null);
      if (local && ownsLocal) local.close();
      local = null;
    },
  };
}
