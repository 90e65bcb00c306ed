/**
 * Bulk edit memory benchmark: `npx tsx bench/bulk-edit/run.ts [--entities 5000]`.
 * Builds a collection of N Document entities (demo templates and thesauri) in a temp directory, then runs each
 * bulk edit in a fresh child process (`--child`) that opens the store, runs `bulkEditEntities` and reports its
 * peak resident memory (getrusage maxrss) and peak V8 heap (sampled every 5 ms), so every figure is of that
 * edit alone. In the same run, for comparison: a child that only opens the store (the baseline), the same
 * edit on a tenth of the entities (memory should not grow with N), and the edit in one transaction of all N
 * entities (batch size N) instead of batches of 200. The database is copied before each child so every
 * edit starts from the same state. Writes bench/.out/bulk-edit.md.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TEMPLATES, THESAURI } from '../../src/demo/data/index.ts';
import { BULK_BATCH, BULK_BATCH_MS, bulkEditEntities } from '../../src/operations/bulk-edit-entities.ts';
import { createEntity } from '../../src/operations/create-entity.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { saveTemplate } from '../../src/operations/save-template.ts';
import { saveThesaurus } from '../../src/operations/save-thesaurus.ts';
import { openStore } from '../../src/store/store.ts';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '5000' },
    child: { type: 'string' },
  },
});

type ChildResult = {
  ms: number;
  maxRssMb: number;
  peakHeapMb: number;
  changed: number;
  failed: number;
  batches: number;
  longestBatchMs: number;
};

async function child(spec: string): Promise<void> {
  const { dataDir, action, limit, batchSize, batchMs } = JSON.parse(spec) as {
    dataDir: string;
    action: 'publish' | 'set' | 'none';
    limit: number;
    batchSize: number;
    batchMs: number | null;
  };
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 5);
  const store = await openStore(dataDir);
  const ids = (await store.entities.list({ limit: 500, offset: 0, sort: 'createdAt', publishedOnly: false }))
    .total;
  const all: string[] = [];
  for (let offset = 0; offset < ids; offset += 500)
    all.push(
      ...(
        await store.entities.list({ limit: 500, offset, sort: 'createdAt', publishedOnly: false })
      ).items.map((e) => e.id),
    );
  const started = performance.now();
  let changed = 0;
  let failed = 0;
  let batches = 0;
  let longestBatchMs = 0;
  let batchStart = started;
  if (action !== 'none') {
    const result = await bulkEditEntities({
      store,
      actor: OPERATOR,
      input:
        action === 'set'
          ? { ids: all.slice(0, limit), action: 'set', property: 'issuingBody', value: 'Ministry of ICT' }
          : { ids: all.slice(0, limit), action: 'publish' },
      batchSize,
      batchMs: batchMs ?? Number.POSITIVE_INFINITY,
      // Sampled also between batches, where the heap is largest before a collection. The time from one
      // batch's end to the next's is its transaction (plus one event-loop turn): how long it held the lock.
      onProgress: () => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        const now = performance.now();
        longestBatchMs = Math.max(longestBatchMs, now - batchStart);
        batchStart = now;
        batches++;
      },
    });
    changed = result.changed;
    failed = result.failed.length;
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  await store.close();
  const out: ChildResult = {
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
    changed,
    failed,
    batches,
    longestBatchMs,
  };
  process.stdout.write(JSON.stringify(out));
}

async function main() {
  const n = Number(values.entities);
  const root = mkdtempSync(join(tmpdir(), 'cyberportal-bulk-'));
  const base = join(root, 'base');
  mkdirSync(base);
  try {
    const store = await openStore(base);
    for (const input of THESAURI) await saveThesaurus({ store, actor: OPERATOR, input });
    for (const input of TEMPLATES) await saveTemplate({ store, actor: OPERATOR, input: input as never });
    const made = performance.now();
    for (let i = 0; i < n; i++)
      await createEntity({
        store,
        actor: OPERATOR,
        input: {
          template: 'Document',
          title: `National cybersecurity strategy ${i}`,
          metadata: {
            documentType: 'national-strategy',
            summary:
              `A national strategy, number ${i}, with a summary of a few dozen words to index. `.repeat(4),
          },
        },
      });
    console.error(`${n} entities created in ${((performance.now() - made) / 1000).toFixed(1)} s`);
    await store.close();

    const run = (
      label: string,
      action: 'publish' | 'set' | 'none',
      limit: number,
      batchSize: number,
      batchMs: number | null = BULK_BATCH_MS,
    ) => {
      const dataDir = join(root, label.replace(/\W+/g, '-'));
      cpSync(base, dataDir, { recursive: true });
      const load = loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
      const out = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, 'run.ts'),
          '--child',
          JSON.stringify({ dataDir, action, limit, batchSize, batchMs }),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      rmSync(dataDir, { recursive: true, force: true });
      const r = JSON.parse(out) as ChildResult;
      console.error(label, r, load);
      return { label, load, ...r };
    };
    const budget = `batches of ≤ ${BULK_BATCH} and ~${BULK_BATCH_MS} ms`;
    const rows = [
      run('open the store only (baseline)', 'none', 0, BULK_BATCH),
      run(`publish ${n / 10}, ${budget}`, 'publish', n / 10, BULK_BATCH),
      run(`publish ${n}, ${budget}`, 'publish', n, BULK_BATCH),
      run(`set a property on ${n / 10}, ${budget}`, 'set', n / 10, BULK_BATCH),
      run(`set a property on ${n}, ${budget}`, 'set', n, BULK_BATCH),
      run(`set a property on ${n}, batches of ${BULK_BATCH}, no time budget`, 'set', n, BULK_BATCH, null),
      run(`set a property on ${n}, one transaction of ${n}`, 'set', n, n, null),
    ];
    const table = [
      '| edit | changed | failed | batches | longest batch, ms | time, s | peak RSS, MB | peak V8 heap, MB | load average (1, 5, 15 min) |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.changed} | ${r.failed} | ${r.batches} | ${r.longestBatchMs.toFixed(0)} | ${(r.ms / 1000).toFixed(1)} | ${r.maxRssMb.toFixed(0)} | ${r.peakHeapMb.toFixed(0)} | ${r.load} |`,
      ),
    ].join('\n');
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`;
    mkdirSync(join(import.meta.dirname, '../.out'), { recursive: true });
    writeFileSync(join(import.meta.dirname, '../.out/bulk-edit.md'), `${machine}\n\n${table}\n`);
    console.log(`${machine}\n\n${table}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (values.child) await child(values.child);
else await main();
