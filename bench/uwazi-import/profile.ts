/**
 * Where the Uwazi import's time goes: `npx tsx bench/uwazi-import/profile.ts` — one whole import (files
 * ingested by the CLI's runner) into a fresh SQLite store, with each ingest job's start and end (extraction
 * or OCR) on a timeline, the CPU time of this process and of its reaped children (extract workers,
 * tesseract, pdftoppm) from /proc, and the load average. Prints a table per job and the totals.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { drainIngestQueue } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import type { IngestEvent } from '../../src/ingest/jobs/ingest-runner.ts';
import { importUwazi } from '../../src/operations/import-uwazi/import-uwazi.ts';
import { openStore } from '../../src/store/store.ts';

const dumpDir = join(
  resolve(
    process.argv[2] ??
      (existsSync('../shared/corpus')
        ? '../shared/corpus/uwazi-fixture'
        : '../../shared/corpus/uwazi-fixture'),
  ),
  'dump',
);
const TICK = 100; // clock ticks per second on Linux
/** CPU seconds of this process and its reaped children (utime, stime, cutime, cstime of /proc/self/stat). */
const cpu = () => {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const n = (i: number) => Number(f[i - 2]);
  return { self: (n(14) + n(15)) / TICK, children: (n(16) + n(17)) / TICK };
};
const dir = mkdtempSync(join(tmpdir(), 'cp-bench-uwazi-prof-'));
const store = await openStore(dir);
const config = loadConfig({}, { logLevel: 'silent', dataDir: dir });
const t0 = performance.now();
const at = () => ((performance.now() - t0) / 1000).toFixed(1);
const jobs: { fileId: string; ocr: boolean; start: number; end?: number; status?: string; pages?: number }[] =
  [];
const onEvent = (e: IngestEvent) => {
  if (e.type === 'started') jobs.push({ fileId: e.fileId, ocr: Boolean(e.ocr), start: performance.now() });
  if (e.type === 'finished') {
    const j = jobs.findLast((x) => x.fileId === e.fileId && x.end === undefined);
    if (j) Object.assign(j, { end: performance.now(), status: e.status, pages: e.pages });
  }
};
let drainStart = 0;
const load0 = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ');
const cpu0 = cpu();
await importUwazi({
  store,
  dumpDir,
  drain: () => {
    drainStart = performance.now();
    console.log(`records written at ${at()} s; draining the ingest queue`);
    return drainIngestQueue(store, config, onEvent);
  },
});
const cpu1 = cpu();
const total = (performance.now() - t0) / 1000;
const names = new Map(
  (await Promise.all(jobs.map((j) => store.files.findById(j.fileId)))).map((f) => [f?.id, f]),
);
console.log('| job | file | kind | status | pages | s |\n|---|---|---|---|---:|---:|');
for (const j of jobs)
  console.log(
    `| ${((j.start - t0) / 1000).toFixed(1)} | ${names.get(j.fileId)?.filename} | ${j.ocr ? 'OCR' : 'extract'} | ${j.status} | ${j.pages ?? ''} | ${(((j.end ?? j.start) - j.start) / 1000).toFixed(1)} |`,
  );
const sum = (ocr: boolean) =>
  jobs.filter((j) => j.ocr === ocr).reduce((s, j) => s + ((j.end ?? j.start) - j.start) / 1000, 0);
console.log(
  `\nwall ${total.toFixed(1)} s (records ${((drainStart - t0) / 1000).toFixed(1)} s, ingest queue ${((performance.now() - drainStart) / 1000).toFixed(1)} s: extraction ${sum(false).toFixed(1)} s in ${jobs.filter((j) => !j.ocr).length} jobs, OCR ${sum(true).toFixed(1)} s in ${jobs.filter((j) => j.ocr).length} jobs)`,
);
console.log(
  `CPU: this process ${(cpu1.self - cpu0.self).toFixed(1)} s, children ${(cpu1.children - cpu0.children).toFixed(1)} s; load before ${load0}, after ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
await store.close();
rmSync(dir, { recursive: true, force: true });
