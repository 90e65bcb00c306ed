// Preloaded into the portal's process by bench/hardening (`node --import`): samples the main thread's
// event-loop delay and appends one JSON line a second to LOOP_STATS_FILE, so the bench measures the real
// server binary without any change to it. Worker threads are left alone.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const file = process.env.LOOP_STATS_FILE;
if (isMainThread && file) {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  setInterval(() => {
    appendFileSync(
      file,
      `${JSON.stringify({ t: Date.now(), p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) })}\n`,
    );
    h.reset();
  }, 1000).unref();
}
