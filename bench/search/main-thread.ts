/**
 * What an in-process search bench needs to time the main thread alone (issue 16, the frequent-term growth):
 * - `mainThreadCpuMs`: the CPU time of the calling thread. `process.cpuUsage` sums every thread of the
 *   process, and V8's concurrent marking and sweeping threads put their work into it, so a query during
 *   which the collector ran looked CPU-heavy though the search itself was not. Node 20 has no per-thread
 *   figure (`process.threadCpuUsage` came later; `performance.eventLoopUtilization` is wall time the loop
 *   was busy, no help around a synchronous call), and /proc/thread-self/schedstat moves only at each
 *   scheduler tick (4 ms steps here, as long as the queries). WASI has a thread CPU clock: a 113-byte
 *   WebAssembly module calls node:wasi's clock_time_get(CLOCK_THREAD_CPUTIME_ID), which is
 *   clock_gettime on Linux: user + system time of the main thread, in ns, ~1.6 µs a call.
 * - `fullGc`: a full collection before timing, so the garbage a bench made while setting up (copies, a
 *   warm-up) is not collected in the middle of the timed queries.
 * - `gcPauses`: the collector's pauses as they happen, to tell how many timed queries one landed in.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WASI } from 'node:wasi';

/*
 * (module
 *   (import "wasi_snapshot_preview1" "clock_time_get" (func $get (param i32 i64 i32) (result i32)))
 *   (memory (export "memory") 1)
 *   (func (export "now") (result f64)   ;; thread CPU ns (clock 3), written at address 0 and read back
 *     (drop (call $get (i32.const 3) (i64.const 1) (i32.const 0)))
 *     (f64.convert_i64_u (i64.load (i32.const 0)))))
 */
const THREAD_CLOCK_WASM =
  '0061736d01000000010c0260037f7e7f017f6000017c02290116776173695f736e617073686f745f70726576696577310e63' +
  '6c6f636b5f74696d655f6765740000030201010503010001071002066d656d6f72790200036e6f7700010a1301110041034201410010001a4100290300ba0b';

const threadClock = async (): Promise<() => number> => {
  const wasi = new WASI({ version: 'preview1' });
  const { instance } = await WebAssembly.instantiate(
    Buffer.from(THREAD_CLOCK_WASM, 'hex'),
    wasi.getImportObject() as WebAssembly.Imports,
  );
  wasi.initialize(instance);
  return instance.exports.now as () => number;
};
const now = await threadClock();

/** CPU ms of the calling (main) thread so far: user + system. */
export const mainThreadCpuMs = (): number => now() / 1e6;

/** A full, blocking collection (works without starting node with --expose-gc). */
export function fullGc() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export type Pause = { start: number; end: number };

/** Records the collector's pauses (performance.now() time) until `stop`, which waits for the last ones. */
export function gcPauses() {
  const pauses: Pause[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    pauses,
    async stop() {
      // Entries are delivered on a later turn of the event loop.
      await new Promise((r) => setTimeout(r, 50));
      obs.disconnect();
      return pauses;
    },
  };
}

/** The pause ms that fall inside [start, end]. */
export function pausedWithin(pauses: Pause[], start: number, end: number): number {
  let ms = 0;
  for (const p of pauses) ms += Math.max(0, Math.min(end, p.end) - Math.max(start, p.start));
  return ms;
}
