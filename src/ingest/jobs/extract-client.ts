import { Worker } from 'node:worker_threads';
import type { ExtractRequest, ExtractSummary } from './extract-worker.ts';

/** Limits on one file's extraction (config: CYBERPORTAL_INGEST_TIMEOUT_SECONDS, CYBERPORTAL_INGEST_MEMORY_MB). */
export type ExtractLimits = { timeoutMs: number; memoryMb: number };

/**
 * After a file that left the process this much larger than when the worker started, the worker is ended
 * and the next file gets a fresh one: V8 and pdf.js keep what they grew (a 1 GB content stream left the
 * server at 1.3 GB), and ending the thread is what gives it back.
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
  ) {
    super(message);
  }
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

/**
 * The extraction worker of one ingest slot: pdf.js is loaded once and files are sent one at a time. The
 * worker is killed when a file takes longer than the time limit or grows the process by more than the
 * memory limit, and replaced after a file that left it large; the next file gets a fresh worker.
 */
export class ExtractClient {
  #worker: Worker | null = null;
  #rssAtStart = 0;
  #next = 1;
  #limits: ExtractLimits;

  constructor(limits: ExtractLimits) {
    this.#limits = limits;
  }

  #start(): Worker {
    this.#rssAtStart = 0;
    const w = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.#limits.memoryMb },
    });
    w.unref();
    this.#worker = w;
    return w;
  }

  /** Extracts one file and writes its text; rejects with an ExtractFailure (bad input comes back as a status). */
  process(args: Omit<ExtractRequest, 'id'> & { onProgress?: (p: number) => void }): Promise<ExtractSummary> {
    const { onProgress, ...request } = args;
    const worker = this.#worker ?? this.#start();
    const id = this.#next++;
    // Referenced only while it has work, so an idle worker never keeps the process alive.
    worker.ref();
    let rssBefore = Number.POSITIVE_INFINITY;
    return new Promise<ExtractSummary>((resolve, reject) => {
      let writing = false;
      let settled = false;
      const { timeoutMs, memoryMb } = this.#limits;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (this.#worker === worker) worker.unref();
        fn();
      };
      const kill = (message: string) => {
        if (this.#worker === worker) this.#worker = null;
        settle(() => reject(new ExtractFailure(message, writing)));
        void worker.terminate();
      };
      let timer: NodeJS.Timeout | undefined;
      const startClock = () => {
        timer = setTimeout(
          () =>
            kill(
              `The file took too long to process (over ${seconds(timeoutMs)}): it may be damaged or built to be expensive to read; split it, or save it again from its source application.`,
            ),
          timeoutMs,
        );
      };
      const watchdog = setInterval(() => {
        if (!writing && process.memoryUsage.rss() - rssBefore > memoryMb * MB)
          kill(
            `The file needs more memory to process than the ${memoryMb} MB allowed (it may hold a compressed stream that inflates to gigabytes); split it or save it again.`,
          );
      }, WATCH_MS);
      const onMessage = (m: {
        id: number;
        progress?: number;
        phase?: string;
        result?: ExtractSummary;
        error?: string;
      }) => {
        if (m.id !== id) return;
        if (m.progress !== undefined) return onProgress?.(m.progress);
        if (m.phase === 'extracting') {
          // Measured once the worker has loaded pdf.js, so the limits count this file's cost only.
          rssBefore = process.memoryUsage.rss();
          if (!this.#rssAtStart) this.#rssAtStart = rssBefore;
          return startClock();
        }
        if (m.phase === 'writing') {
          // The write is bounded by the paragraph cap and must not be cut in the middle by the clock.
          writing = true;
          clearTimeout(timer);
          return;
        }
        settle(() => (m.error ? reject(new ExtractFailure(m.error, writing)) : resolve(m.result!)));
        if (process.memoryUsage.rss() - this.#rssAtStart > RECYCLE_GROWTH_MB * MB) void this.close();
      };
      const onError = (err: Error) => {
        this.#worker = null;
        const message = /memory/i.test(`${err.message} ${(err as { code?: string }).code ?? ''}`)
          ? `The file needs more memory to process than the ${memoryMb} MB allowed; split it or save it again.`
          : `The extraction worker failed: ${err.message}`;
        settle(() => reject(new ExtractFailure(message, writing)));
      };
      const onExit = (code: number) => {
        this.#worker = null;
        settle(() =>
          reject(new ExtractFailure(`The extraction worker stopped unexpectedly (exit ${code}).`, writing)),
        );
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, ...request } satisfies ExtractRequest);
    });
  }

  /** Stops the worker; an extraction in progress is rejected. */
  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }
}
