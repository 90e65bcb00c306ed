/**
 * Uwazi import time: `npx tsx bench/uwazi-import/run.ts [--runs 3] [--fixture DIR]`.
 * Imports ../shared/corpus/uwazi-fixture (Uwazi's development database: 297 entities × 3 languages, 1,571
 * connection rows, 8 PDFs) into a fresh SQLite store per run, timing, in the same run for comparison:
 * reading the BSON alone; a dry run (read, map, validate, nothing written); the records without files
 * (`filesDir: null`); the whole import with files, ingestion (the CLI's runner) included; and a second run
 * on the imported store (everything found by its Uwazi id, nothing written). Median of the runs, with the
 * load average before each. Writes bench/.out/uwazi-import.md.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drainIngestQueue } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { importUwazi } from '../../src/operations/import-uwazi/import-uwazi.ts';
import { readUwaziDump } from '../../src/operations/import-uwazi/read-dump.ts';
import { openStore } from '../../src/store/store.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, fixture: { type: 'string' } },
});
const fixture = [
  values.fixture,
  resolve('../shared/corpus/uwazi-fixture'),
  resolve('../../shared/corpus/uwazi-fixture'),
].find((d): d is string => Boolean(d && existsSync(d)));
if (!fixture) throw new Error('No Uwazi fixture: pass --fixture DIR (../shared/corpus/uwazi-fixture)');
const dumpDir = join(fixture, 'dump');

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

type Row = { step: string; ms: number[]; loads: string[] };
const rows: Row[] = [
  'read BSON',
  'dry run',
  'records, no files',
  'whole import (files ingested)',
  'second run',
].map((step) => ({ step, ms: [], loads: [] }));
const record = (i: number, ms: number, before: string) => {
  rows[i]!.ms.push(ms);
  rows[i]!.loads.push(before);
};

for (let run = 0; run < Number(values.runs); run++) {
  let before = load();
  record(0, await timed(() => readUwaziDump(dumpDir)), before);
  for (const [i, opts] of [
    [1, { dryRun: true }],
    [2, { filesDir: null }],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'cp-bench-uwazi-'));
    const store = await openStore(dir);
    before = load();
    record(i, await timed(() => importUwazi({ store, dumpDir, ...opts })), before);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(tmpdir(), 'cp-bench-uwazi-'));
  const store = await openStore(dir);
  const config = loadConfig({}, { logLevel: 'silent', dataDir: dir });
  const drain = () => drainIngestQueue(store, config);
  before = load();
  record(3, await timed(() => importUwazi({ store, dumpDir, drain })), before);
  before = load();
  record(4, await timed(() => importUwazi({ store, dumpDir, drain })), before);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`run ${run + 1} done`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const out = [
  `Uwazi import (${cpus().length} cores, ${values.runs} runs, median; load average 1/5/15 min before each step)`,
  '',
  '| step | median ms | runs (ms) | load before each run |',
  '|---|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.step} | ${median(r.ms).toFixed(0)} | ${r.ms.map((m) => m.toFixed(0)).join(', ')} | ${r.loads.join('; ')} |`,
  ),
].join('\n');
console.log(out);
mkdirSync('bench/.out', { recursive: true });
writeFileSync('bench/.out/uwazi-import.md', `${out}\n`);
