import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SearchTimeout, SearchUnavailable } from '../../../search/errors.ts';
import { exportResults } from '../../../search/export.ts';
import type { SearchProvider } from '../../../search/provider.ts';
import { withResultCache } from '../../../search/result-cache.ts';
import type { SqliteStore } from '../../store.ts';
import { applyPragmas } from '../open-database.ts';
import { revalidate } from './cache-feed.ts';
import { type Handlers, handlers, type Method } from './handlers.ts';

type Args<M extends Method> = Parameters<Handlers[M]>[1];
type Result<M extends Method> = ReturnType<Handlers[M]>;
type Job = {
  id: number;
  method: Method;
  args: unknown;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  /** Set when the call first reaches a running worker; kept if it moves to a replacement. */
  timer?: NodeJS.Timeout;
  deadline: number;
};
type Slot = {
  child: ChildProcess;
  ready: boolean;
  jobs: Map<number, Job>;
  killed: boolean;
  /** Set by the worker's first answer: until then it is building its caches (see `expire`). */
  answered: boolean;
  /** Calls past their deadline that a cold worker is still running (they count as its load). */
  orphans: number;
  /** Kills a cold worker that has not answered anything by WARM_LIMIT_MS after a call expired on it. */
  warmLimit?: NodeJS.Timeout;
};

/**
 * The FTS5 `SearchProvider`: runs search operations off the HTTP thread; `workers: 0` runs them in-process
 * (tests, CLI). `run` and `kill` are for the pool's owner (start-portal, tests), not for operations.
 */
export type SearchPool = SearchProvider & {
  run<M extends Method>(method: M, args: Args<M>): Promise<Result<M>>;
  /** Lets calls in flight finish for up to `drainMs` (default 2 s), then kills the workers. */
  close(opts?: { drainMs?: number }): Promise<void>;
  /** Kills every worker at once (synchronous: usable from a process 'exit' handler). */
  kill(): void;
};

export type SearchPoolOptions = {
  /** The database file; each worker opens it read-only. */
  dbPath?: string;
  /** For `workers: 0`: use this connection instead of opening one. */
  sqlite?: Database.Database;
  /** config.searchWorkers. */
  workers: number;
  /**
   * Nice value of worker processes on Linux (default 0). Not lowered: at nice 10 any busy process on the
   * machine (a reindex, a backup) slowed search 8× (docs/PERFORMANCE.md); the bench sets it to compare.
   */
  nice?: number;
  /**
   * Deadline of one call (config.searchTimeoutMs, default 5 s), counted from when it is asked for.
   * A call past it fails with SearchTimeout and its worker is killed and replaced (a worker that has not
   * answered anything yet only after WARM_LIMIT_MS: see `expire`). Not applied with
   * `workers: 0` (a synchronous call in this thread cannot be stopped).
   */
  timeoutMs?: number;
};

export const DEFAULT_SEARCH_TIMEOUT_MS = 5000;
/** A worker that is not ready after this long (a machine swapping, a broken install) is given up on. */
const STARTUP_LIMIT_MS = 30_000;
/**
 * How long a worker's first call may run before the worker is killed as stuck. The first call opens the
 * connection and builds the caches later calls reuse (keys, listed words' holders: 1–1.5 s of CPU at 1M
 * paragraphs, several times that on a busy machine); killed at the reader's deadline, every replacement
 * started cold again and no search was ever answered (docs/PERFORMANCE.md, busy-process rows).
 */
const WARM_LIMIT_MS = 30_000;
const WORKER_ENTRY = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/**
 * The pool over a store's database, for the server, which holds a `Store` and not its connection. The
 * handle use stays in search until its `SearchProvider` step of issue 13. With `cache` (config.searchCache)
 * its searches go through the shared result cache (decisions 20 and 68), which follows writes through the
 * change log: searches run tracked in the workers; checking what a write changed is a few rowid-bounded
 * reads, made on a read-only connection of the server's own so that it never waits behind a search.
 */
export function createStoreSearchPool(
  store: SqliteStore,
  { cache = false, ...opts }: Omit<SearchPoolOptions, 'dbPath' | 'sqlite'> & { cache?: boolean },
): SearchPool {
  const pool = createSearchPool({ ...opts, dbPath: store.sqlite.path, sqlite: store.sqlite.sqlite });
  if (!cache) return pool;
  let reader: Database.Database | null = null;
  const revalidateHere = (args: Parameters<typeof revalidate>[1]) => {
    if (!opts.workers) return pool.run('revalidate', args);
    try {
      if (!reader) {
        reader = new Database(store.sqlite.path, { readonly: true, fileMustExist: true });
        applyPragmas(reader, { readonly: true });
      }
      return Promise.resolve(revalidate(reader, args));
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const cached = withResultCache(pool, {
    generation: () => store.searchIndex.generation(),
    feed: { search: (p) => pool.run('trackedSearch', p), revalidate: revalidateHere },
  });
  return {
    ...pool,
    ...cached,
    async close(o) {
      await cached.close(o);
      reader?.close();
      reader = null;
    },
  };
}

/**
 * A fixed pool of worker processes, each with its own read-only better-sqlite3 connection. A call goes
 * to the worker with the fewest calls in flight. Every call has a deadline: past it, the worker is
 * killed (SIGKILL: a statement stuck in SQLite's C code ignores anything gentler, and a stuck worker
 * thread would even keep process.exit() waiting), the call fails with SearchTimeout, and the other
 * calls queued on that worker go to its replacement with what is left of their own deadlines. A worker
 * that dies on its own fails its calls and is replaced on the next call.
 */
export function createSearchPool(opts: SearchPoolOptions): SearchPool {
  let nextId = 1;
  let closed = false;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS;
  const slots: (Slot | null)[] = Array.from({ length: opts.workers }, () => null);
  let local: Database.Database | null = null;
  let ownsLocal = false;

  // The deadline runs from when a call reaches a running worker: starting one (tsx, the connection)
  // takes 0.3–2 s on a loaded machine and is bounded separately (STARTUP_LIMIT_MS).
  const send = (slot: Slot, job: Job) => {
    if (!slot.ready) return;
    job.timer ??= setTimeout(() => expire(job), Math.max(0, job.deadline - Date.now()));
    slot.child.send({ id: job.id, method: job.method, args: job.args });
  };

  const spawn = (i: number): Slot => {
    const child = fork(WORKER_ENTRY, [JSON.stringify({ dbPath: opts.dbPath, nice: opts.nice ?? 0 })], {
      serialization: 'advanced',
      // The portal's own flags (inspector, test runner hooks) are not for the worker.
      execArgv: [],
    });
    const slot: Slot = { child, ready: false, jobs: new Map(), killed: false, answered: false, orphans: 0 };
    const startup = setTimeout(() => {
      if (slot.ready || slot.killed) return;
      kill(slot);
      for (const job of slot.jobs.values())
        fail(job, new SearchUnavailable('A search worker did not start.'));
      slot.jobs.clear();
    }, STARTUP_LIMIT_MS);
    child.on('message', (m: { ready?: true; id?: number; result?: unknown; error?: string }) => {
      if (m.ready) {
        clearTimeout(startup);
        slot.ready = true;
        const now = Date.now();
        for (const job of slot.jobs.values()) job.deadline = Math.max(job.deadline, now + timeoutMs);
        for (const job of slot.jobs.values()) send(slot, job);
        return;
      }
      if (!slot.answered) {
        slot.answered = true;
        clearTimeout(slot.warmLimit);
      }
      const job = m.id === undefined ? undefined : slot.jobs.get(m.id);
      if (!job) {
        if (slot.orphans > 0) slot.orphans--; // a call that passed its deadline on a cold worker
        return;
      }
      slot.jobs.delete(job.id);
      clearTimeout(job.timer);
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.result);
    });
    const gone = (err: Error) => {
      clearTimeout(startup);
      clearTimeout(slot.warmLimit);
      if (slots[i] === slot) slots[i] = null;
      if (slot.killed) return; // its calls were moved or failed by whoever killed it
      for (const job of slot.jobs.values()) fail(job, err);
      slot.jobs.clear();
    };
    child.on('error', gone);
    child.on('exit', (code, signal) =>
      gone(new SearchUnavailable(`A search worker stopped unexpectedly (${signal ?? `exit ${code}`}).`)),
    );
    slots[i] = slot;
    return slot;
  };

  const kill = (slot: Slot) => {
    slot.killed = true;
    clearTimeout(slot.warmLimit);
    slot.child.kill('SIGKILL');
    const i = slots.indexOf(slot);
    if (i >= 0) slots[i] = null;
  };

  const load = (slot: Slot | null | undefined) => (slot ? slot.jobs.size + slot.orphans : 0);

  const dispatch = (job: Job) => {
    let best = 0;
    for (let i = 0; i < slots.length; i++) {
      if (load(slots[i]) < load(slots[best])) best = i;
    }
    const slot = slots[best] ?? spawn(best);
    slot.jobs.set(job.id, job);
    send(slot, job);
  };

  const fail = (job: Job, err: Error) => {
    clearTimeout(job.timer);
    job.reject(err);
  };

  /**
   * A call past its deadline fails. A worker that has answered before is stuck (a runaway statement, a
   * lock): killed at once. One that has not is still building its caches, which a replacement would
   * have to build again: it keeps running, the reader gets its SearchTimeout, and only if the worker
   * still answers nothing by WARM_LIMIT_MS is it killed.
   */
  const expire = (job: Job) => {
    const slot = slots.find((s) => s?.jobs.has(job.id));
    job.reject(new SearchTimeout(timeoutMs));
    if (!slot) return;
    slot.jobs.delete(job.id);
    if (!slot.answered) {
      console.warn(
        `search: a ${job.method} call passed its ${timeoutMs} ms deadline on a worker still warming up`,
      );
      slot.orphans++;
      slot.warmLimit ??= setTimeout(() => replace(slot), WARM_LIMIT_MS);
      return;
    }
    console.warn(`search: a ${job.method} call passed its ${timeoutMs} ms deadline; its worker is replaced`);
    replace(slot);
  };

  const replace = (slot: Slot) => {
    if (slot.killed) return;
    kill(slot);
    // The others were only waiting behind it: they get a fresh worker and keep their own deadlines.
    for (const other of slot.jobs.values()) dispatch(other);
    slot.jobs.clear();
  };

  const run = <M extends Method>(method: M, args: Args<M>): Promise<Result<M>> => {
    if (closed) return Promise.reject(new SearchUnavailable());
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
    return new Promise((resolve, reject) => {
      dispatch({
        id: nextId++,
        method,
        args,
        resolve: resolve as (v: unknown) => void,
        reject,
        deadline: Date.now() + timeoutMs,
      });
    });
  };

  const killAll = () => {
    for (const s of slots) if (s) kill(s);
  };

  return {
    run,
    search: (a) => run('search', a),
    searchWithinFile: (a) => run('searchWithinFile', a),
    autocompleteTitles: (a) => run('autocompleteTitles', a),
    suggestParagraphs: (a) => run('suggestParagraphs', a),
    exportResults: (a, format) => exportResults({ ...a, run: (p) => run('search', p) }, format),
    kill: killAll,
    async close({ drainMs = 2000 } = {}) {
      closed = true;
      const until = Date.now() + drainMs;
      while (slots.some((s) => s?.jobs.size) && Date.now() < until)
        await new Promise((r) => setTimeout(r, 10));
      const stopping = slots.filter((s): s is Slot => !!s);
      for (const s of stopping) {
        for (const job of s.jobs.values()) fail(job, new SearchUnavailable());
        s.jobs.clear();
      }
      await Promise.all(
        stopping.map(
          (s) =>
            new Promise<void>((r) => {
              if (s.child.exitCode !== null || s.child.signalCode !== null) return r();
              s.child.once('exit', () => r());
              kill(s);
            }),
        ),
      );
      slots.fill(null);
      if (local && ownsLocal) local.close();
      local = null;
    },
  };
}
