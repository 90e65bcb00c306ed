import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractRequest, ExtractSummary } from './extract-worker.ts';
import { WorkClock } from './work-clock.ts';

/** Limits on one file's extraction (config: CYBERPORTAL_INGEST_TIMEOUT_SECONDS, CYBERPORTAL_INGEST_MEMORY_MB). */
export type ExtractLimits = { timeoutMs: number; memoryMb: number };

/**
 * After a file that left the worker this much larger than when it was ready, it is ended and the next file
 * gets a fresh one: V8, pdf.js and the allocator keep what they grew (a 1 GB content stream left the server
 * at 1.3 GB). A worker *thread* does not help: glibc keeps a thread's freed heap after the thread ends
 * (measured: 1.2 GB of 60 KB buffers stayed in RSS after terminate), so the worker is a child process.
 */
const RECYCLE_GROWTH_MB = 256;
/** How often the memory watchdog looks (typed arrays — pdf.js's inflated streams — are not in the heap limit). */
const WATCH_MS = 200;
const MB = 1024 * 1024;

/** An extraction that did not come back; `writing`: the worker had started writing the file's text. */
export class ExtractFailure extends Error {
  constructor(
    message: string,
    readonly writing: boolean,
    readonly code?: unknown,
  ) {
    super(message);
  }
}

/**
 * Idle extraction workers kept for the next client instead of ended, by heap limit: under Vitest only, where the
 * project sets CYBERPORTAL_TEST_KEEP_EXTRACT_WORKERS=1 (vitest.config.ts's shared project; ARCHITECTURE decision
 * 80). The unit tests start an ingest runner per store, a few hundred a run, and each worker's start (tsx, pdf.js,
 * the ingest's modules) is ~3 s of CPU. A kept worker has closed its database connection first and reads its
 * next file as a fresh one would (the portal's workers read file after file). Never in the portal or the CLI.
 * The list is the process's (test files share a fork and may load this module more than once).
 */
type Spare = { memoryMb: number; child: ChildProcess; rssAtStart: number };
const SPARES_KEY = Symbol.for('cyberportal.test.spareExtractWorkers');
const MAX_SPARES = 2;
const spares = () => ((globalThis as { [SPARES_KEY]?: Spare[] })[SPARES_KEY] ??= []);
const keepsSpares = () =>
  Boolean(process.env.VITEST) && process.env.CYBERPORTAL_TEST_KEEP_EXTRACT_WORKERS === '1';
const alive = (c: ChildProcess) => c.connected && c.exitCode === null && c.signalCode === null;

function takeSpare(memoryMb: number): Spare | undefined {
  const list = spares();
  for (let i = list.length - 1; i >= 0; i--) {
    const spare = list[i]!;
    if (!alive(spare.child)) list.splice(i, 1);
    else if (spare.memoryMb === memoryMb) return list.splice(i, 1)[0];
  }
  return undefined;
}

/** Asks an idle worker to close its database connection; false when it does not answer in time. */
function release(child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(ok);
    };
    const onMessage = (m: { released?: boolean }) => m.released && done(true);
    const onExit = () => done(false);
    const timer = setTimeout(() => done(false), 10_000);
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send({ release: true });
  });
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

/** Resident memory of a child process (Linux /proc); null where it cannot be read. */
function rssOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

type Message = {
  id: number;
  progress?: number;
  phase?: string;
  result?: ExtractSummary;
  error?: string;
  code?: unknown;
};

/**
 * The extraction worker of one ingest slot, a child process: pdf.js is loaded once and files are sent one
 * at a time. It is killed when a file takes longer than the time limit or grows it by more than the memory
 * limit, and replaced after a file that left it large; the next file gets a fresh one.
 */
export class ExtractClient {
  #child: ChildProcess | null = null;
  #rssAtStart = 0;
  #next = 1;
  /** Extractions sent and not settled: a busy worker is never kept as a spare. */
  #pending = 0;
  #limits: ExtractLimits;

  constructor(limits: ExtractLimits) {
    this.#limits = limits;
  }

  #start(): ChildProcess {
    const spare = keepsSpares() ? takeSpare(this.#limits.memoryMb) : undefined;
    if (spare) {
      this.#child = spare.child;
      this.#rssAtStart = spare.rssAtStart;
      return spare.child;
    }
    this.#rssAtStart = 0;
    const child = fork(fileURLToPath(new URL('./extract-worker.mjs', import.meta.url)), [], {
      // The V8 heap limit; memory outside it (typed arrays, native) is watched from here.
      execArgv: [`--max-old-space-size=${this.#limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#idle(child);
    this.#child = child;
    return child;
  }

  /** An idle worker never keeps the process alive. */
  #idle(child: ChildProcess) {
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  #busy(child: ChildProcess) {
    child.ref();
    (child.channel as { ref?: () => void } | undefined)?.ref?.();
  }

  /** Extracts one file and writes its text; rejects with an ExtractFailure (bad input comes back as a status). */
  process(args: Omit<ExtractRequest, 'id'> & { onProgress?: (p: number) => void }): Promise<ExtractSummary> {
    const { onProgress, ...request } = args;
    const child = this.#child ?? this.#start();
    const id = this.#next++;
    this.#pending++;
    this.#busy(child);
    return new Promise<ExtractSummary>((resolve, reject) => {
      let writing = false;
      let settled = false;
      let rssBefore = Number.POSITIVE_INFINITY;
      const { timeoutMs, memoryMb } = this.#limits;
      // Not started until the worker has loaded pdf.js (below): loading takes seconds under load.
      let clock: WorkClock | null = null;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.#pending--;
        clearInterval(watchdog);
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('exit', onExit);
        if (this.#child === child) this.#idle(child);
        fn();
      };
      const kill = (message: string) => {
        if (this.#child === child) this.#child = null;
        settle(() => reject(new ExtractFailure(message, writing)));
        child.kill('SIGKILL');
      };
      const rss = () => rssOf(child.pid) ?? process.memoryUsage.rss();
      // OCR's limit is per page (a scan's reading time grows with its pages): each page's progress restarts it.
      const perPage = request.ocr !== undefined;
      const watchdog = setInterval(() => {
        if (!writing && rss() - rssBefore > memoryMb * MB)
          kill(
            `The file needs more memory to process than the ${memoryMb} MB allowed (it may hold a compressed stream that inflates to gigabytes); split it or save it again.`,
          );
        // The limit counts the worker's CPU time and its programs' (work-clock.ts), so a busy machine does not
        // fail good files; a worker that hangs without working is stopped by the wall-clock backstop.
        const over = writing || settled ? null : clock?.overrun();
        if (!over) return;
        const limit =
          over === 'cpu'
            ? `over ${seconds(timeoutMs)} of processing`
            : `no progress in ${seconds(clock!.backstopMs)}`;
        kill(
          perPage
            ? `OCR took too long on one page (${limit}): the page may be damaged or huge; split the file or scan it again.`
            : `The file took too long to process (${limit}): it may be damaged or built to be expensive to read; split it, or save it again from its source application.`,
        );
      }, WATCH_MS);
      const onMessage = (m: Message) => {
        if (m.id !== id) return;
        if (m.progress !== undefined) {
          if (perPage && !writing) clock?.restart();
          return onProgress?.(m.progress);
        }
        if (m.phase === 'extracting') {
          // Measured once the worker has loaded pdf.js, so the limits count this file's cost only.
          rssBefore = rss();
          if (!this.#rssAtStart) this.#rssAtStart = rssBefore;
          clock = new WorkClock(child.pid, timeoutMs);
          return;
        }
        if (m.phase === 'writing') {
          // The write is bounded by the paragraph cap and must not be cut in the middle by the clock.
          writing = true;
          return;
        }
        settle(() => (m.error ? reject(new ExtractFailure(m.error, writing, m.code)) : resolve(m.result!)));
        if (rss() - this.#rssAtStart > RECYCLE_GROWTH_MB * MB) void this.#end();
      };
      const onError = (err: Error) => {
        if (this.#child === child) this.#child = null;
        settle(() => reject(new ExtractFailure(`The extraction worker failed: ${err.message}`, writing)));
        child.kill('SIGKILL');
      };
      const onExit = (code: number | null, signal: string | null) => {
        if (this.#child === child) this.#child = null;
        // V8 aborts (SIGABRT / 134) when the heap limit is reached.
        const oom = signal === 'SIGABRT' || code === 134;
        const message = oom
          ? `The file needs more memory to process than the ${memoryMb} MB allowed; split it or save it again.`
          : `The extraction worker stopped unexpectedly (${signal ?? `exit ${code}`}).`;
        settle(() => reject(new ExtractFailure(message, writing)));
      };
      child.on('message', onMessage);
      child.on('error', onError);
      child.on('exit', onExit);
      child.send({ id, ...request } satisfies ExtractRequest);
    });
  }

  /**
   * Stops the worker; an extraction in progress is rejected. Under the unit tests an idle one may be kept for the
   * next client instead (see SPARES_KEY).
   */
  async close(): Promise<void> {
    const child = this.#child;
    if (
      child &&
      this.#pending === 0 &&
      keepsSpares() &&
      alive(child) &&
      spares().filter((s) => alive(s.child)).length < MAX_SPARES
    ) {
      this.#child = null;
      if (await release(child)) {
        spares().push({ memoryMb: this.#limits.memoryMb, child, rssAtStart: this.#rssAtStart });
        return;
      }
      this.#child = child;
    }
    return this.#end();
  }

  /** Ends the worker for good. */
  async #end(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    // An idle worker is unref'd; waiting for its exit must hold the process open, or a CLI command whose
    // last work is this wait ends with Node's "unsettled top-level await" (exit 13).
    this.#busy(child);
    child.kill('SIGKILL');
    await exited;
  }
}
