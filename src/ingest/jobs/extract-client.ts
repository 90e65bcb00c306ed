import { Worker } from 'node:worker_threads';
import type { FileTextInput } from '../../store/sqlite/file-text.ts';

type Pending = {
  resolve: (r: FileTextInput) => void;
  reject: (e: Error) => void;
  onProgress?: (p: number) => void;
};

/** Memory a single extraction may use before it is stopped (a 500-page PDF needs ~300 MB). */
const WORKER_HEAP_MB = 2048;

/** A persistent extraction worker: pdf.js is loaded once, files are sent one at a time. */
export class ExtractClient {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #next = 1;

  #start(): Worker {
    const w = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    w.on('message', (m: { id: number; progress?: number; result?: FileTextInput; error?: string }) => {
      const p = this.#pending.get(m.id);
      if (!p) return;
      if (m.progress !== undefined) return p.onProgress?.(m.progress);
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) w.unref();
      if (m.error) p.reject(new Error(m.error));
      else p.resolve(m.result as FileTextInput);
    });
    const failAll = (err: Error) => {
      this.#worker = null;
      for (const p of this.#pending.values()) p.reject(err);
      this.#pending.clear();
    };
    w.on('error', (err) =>
      failAll(
        /memory/i.test(err.message)
          ? new Error(
              'The file needs more memory to process than the server allows; split it or raise the limit.',
            )
          : err,
      ),
    );
    w.on('exit', (code) => {
      if (this.#pending.size)
        failAll(new Error(`The extraction worker stopped unexpectedly (exit ${code}).`));
      this.#worker = null;
    });
    w.unref();
    this.#worker = w;
    return w;
  }

  /** Extracts one file's text; rejects only on worker failure (bad input comes back as a status). */
  extract(args: { bytes: Uint8Array; filename: string; maxBytes: number; onProgress?: (p: number) => void }) {
    const worker = this.#worker ?? this.#start();
    const id = this.#next++;
    // Referenced only while it has work, so an idle worker never keeps the process alive.
    worker.ref();
    return new Promise<FileTextInput>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress: args.onProgress });
      worker.postMessage({ id, bytes: args.bytes, filename: args.filename, maxBytes: args.maxBytes });
    });
  }

  /** Stops the worker; pending extractions are rejected. */
  async close(): Promise<void> {
    const w = this.#worker;
    this.#worker = null;
    if (w) await w.terminate();
  }
}
