// Load generator for the event-loop test: runs in a worker thread so its own work never delays the
// server's event loop that is being measured. `concurrency` clients each send one request at a time.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

const { base, paths, concurrency, durationMs, keepPriority } = workerData;

// Real clients run elsewhere; on Linux this thread yields the CPU to the server it is measuring. Not when
// the bench puts another busy process beside the server: at nice 19 the clients would starve instead.
if (!keepPriority)
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
  } catch {}

const latencies = [];
let errors = 0;
let next = 0;
const until = Date.now() + durationMs;

async function client() {
  while (Date.now() < until) {
    const path = paths[next++ % paths.length];
    const t0 = performance.now();
    try {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (!res.ok) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t0);
  }
}

await Promise.all(Array.from({ length: concurrency }, client));
parentPort.postMessage({ latencies, errors });
