// Readers for bench/hardening, in a worker thread so their own work never delays the measured server:
// `concurrency` clients each send one request at a time, cycling through `paths`, until told to stop.
// Each request is recorded as [start (ms since epoch), latency (ms), status (0 = network error), path index].
import { parentPort, workerData } from 'node:worker_threads';

const { base, paths, concurrency, limitMs } = workerData;
const samples = [];
let next = 0;
let stopped = false;
parentPort.on('message', (m) => {
  if (m === 'stop') stopped = true;
});
const until = Date.now() + limitMs;

async function client() {
  while (!stopped && Date.now() < until) {
    const k = next++ % paths.length;
    const path = paths[k];
    const start = Date.now();
    const t0 = performance.now();
    let status = 0;
    try {
      const res = await fetch(base + path, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch {}
    samples.push([start, performance.now() - t0, status, k]);
  }
}

await Promise.all(Array.from({ length: concurrency }, client));
parentPort.postMessage(samples);
