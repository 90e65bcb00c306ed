import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fullGc, gcPauses, mainThreadCpuMs, pausedWithin } from './main-thread.ts';

/** Spins the main thread until the process has used `ms` of CPU (wall time would include preemptions). */
const spinCpu = (ms: number) => {
  const p0 = process.cpuUsage();
  for (;;) {
    const p = process.cpuUsage(p0);
    if ((p.user + p.system) / 1000 >= ms) return;
  }
};

describe('main-thread CPU clock (WASI thread clock)', () => {
  it('counts the main thread busy, not idle, at sub-millisecond resolution', async () => {
    const c0 = mainThreadCpuMs();
    spinCpu(30);
    const busy = mainThreadCpuMs() - c0;
    // Other threads only add to the process's figure: the main thread's is at most the 30 ms.
    expect(busy).toBeGreaterThan(20);
    expect(busy).toBeLessThan(32);
    const c1 = mainThreadCpuMs();
    await new Promise((r) => setTimeout(r, 100));
    expect(mainThreadCpuMs() - c1).toBeLessThan(20);
    // schedstat, which this replaced, moves only at 4 ms scheduler ticks: two reads in a row were equal.
    const a = mainThreadCpuMs();
    const b = mainThreadCpuMs();
    expect(b).toBeGreaterThan(a);
    expect(b - a).toBeLessThan(1);
  });

  it('leaves out another thread’s CPU (process.cpuUsage counts it)', async () => {
    // The worker spins until the process has used 250 ms more CPU, not for a wall time: on a loaded machine
    // (the suite's other fork, CI) 300 ms of wall gave the worker only 121 ms of CPU.
    const worker = new Worker(
      `const u0 = process.cpuUsage();
       for (;;) { const u = process.cpuUsage(u0); if ((u.user + u.system) / 1000 >= 250) break; }
       require('node:worker_threads').parentPort.postMessage(1);`,
      { eval: true },
    );
    const c0 = mainThreadCpuMs();
    const p0 = process.cpuUsage();
    await new Promise((r) => worker.once('message', r));
    const p = process.cpuUsage(p0);
    await worker.terminate();
    expect((p.user + p.system) / 1000).toBeGreaterThan(200);
    expect(mainThreadCpuMs() - c0).toBeLessThan(100);
  });
});

describe('collector pauses', () => {
  it('records a full collection and tells which span it fell in', async () => {
    const gc = gcPauses();
    const t0 = performance.now();
    fullGc();
    const t1 = performance.now();
    const pauses = await gc.stop();
    expect(pauses.length).toBeGreaterThan(0);
    expect(pausedWithin(pauses, t0, t1)).toBeGreaterThan(0);
    expect(pausedWithin(pauses, t1 + 1, t1 + 2)).toBe(0);
  });

  it('counts only the overlap of a pause with a span', () => {
    const pauses = [
      { start: 10, end: 14 },
      { start: 20, end: 30 },
    ];
    expect(pausedWithin(pauses, 12, 25)).toBe(2 + 5);
    expect(pausedWithin(pauses, 0, 9)).toBe(0);
  });
});
