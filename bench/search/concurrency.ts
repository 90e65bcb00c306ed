/**
 * Readers at once (issue 16 item 3): `npx tsx bench/search/concurrency.ts [--docs 2000] [--paragraphs 40000]
 * [--seconds 8]`. Builds a generated corpus, serves it with the real app and the store's search pool (one
 * worker per core), and sends a realistic mix over HTTP — popular queries repeat (Zipf over 200 distinct
 * queries, common words first) — from 8 and 32 concurrent readers with the shared result cache on and off,
 * then with another busy process on the machine (a node busy loop at normal priority) for workers at nice
 * 10 and nice 0 (cache off: every request is a search), and a route that does not search (`/api/v1/health`)
 * with and without the busy process, for how much more the busy process slows search than other routes.
 * `--stored <paragraphs>` uses a stored corpus of bench/http/corpora.ts (a copy) instead of generating one;
 * `--before <checkout>` runs every row on that checkout's app too, alternating, each on its own copy, e.g.
 * `npx tsx bench/search/concurrency.ts --stored 200000 --before <old> --seconds 8`. Writes
 * bench/.out/concurrency.md.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { loadConfig as LoadConfig } from '../../src/config.ts';
import type { buildApp as BuildApp } from '../../src/server/app.ts';
import type { searchRoutes as SearchRoutes } from '../../src/server/routes/search.routes.ts';
import { openDatabase } from '../../src/store/sqlite/open-database.ts';
import { reindexAll } from '../../src/store/sqlite/search/index.ts';
import type { createStoreSearchPool as CreatePool } from '../../src/store/sqlite/search/worker-pool.ts';
import type { openStore as OpenStore } from '../../src/store/store.ts';
import { copyOf, corpus } from '../http/corpora.ts';
import { type CorpusInfo, generateCorpus, mulberry32, zipf } from './corpus.ts';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    paragraphs: { type: 'string', default: '40000' },
    seconds: { type: 'string', default: '8' },
    stored: { type: 'string' },
    before: { type: 'string' },
  },
});
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const f1 = (n: number) => n.toFixed(1);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const seconds = Number(args.seconds);

type Tree = {
  name: string;
  dataDir: string;
  loadConfig: typeof LoadConfig;
  buildApp: typeof BuildApp;
  searchRoutes: typeof SearchRoutes;
  createStoreSearchPool: typeof CreatePool;
  openStore: typeof OpenStore;
};
const moduleOf = async (tree: string, path: string) => import(join(tree, path));
async function treeOf(name: string, dir: string, dataDir: string): Promise<Tree> {
  return {
    name,
    dataDir,
    loadConfig: (await moduleOf(dir, 'src/config.ts')).loadConfig,
    buildApp: (await moduleOf(dir, 'src/server/app.ts')).buildApp,
    searchRoutes: (await moduleOf(dir, 'src/server/routes/search.routes.ts')).searchRoutes,
    createStoreSearchPool: (await moduleOf(dir, 'src/store/sqlite/search/worker-pool.ts'))
      .createStoreSearchPool,
    openStore: (await moduleOf(dir, 'src/store/store.ts')).openStore,
  };
}

let info: CorpusInfo;
let dataDir: string;
let corpusLabel: string;
if (args.stored) {
  const c = await corpus(Number(args.stored), log);
  info = c.info;
  dataDir = copyOf(c);
  corpusLabel = `stored corpus, ${c.docs} documents, ${c.paragraphs} paragraphs`;
} else {
  dataDir = mkdtempSync(join(tmpdir(), 'cp-bench-conc-'));
  const handle = await openDatabase(dataDir);
  info = generateCorpus(handle.sqlite, {
    docs: Number(args.docs),
    paragraphs: Number(args.paragraphs),
    seed: 20261130,
  });
  reindexAll({ sqlite: handle.sqlite });
  await handle.db.destroy();
  corpusLabel = `${args.docs} documents, ${info.paragraphs} paragraphs`;
}
log(`corpus: ${corpusLabel}`);
const here = resolve(import.meta.dirname, '..', '..');
const trees: Tree[] = [await treeOf('after', here, dataDir)];
if (args.before) {
  const copy = mkdtempSync(join(tmpdir(), 'cp-bench-conc-before-'));
  for (const name of ['cyberportal.sqlite', 'cyberportal.sqlite-wal', 'cyberportal.sqlite-shm'])
    if (existsSync(join(dataDir, name))) cpSync(join(dataDir, name), join(copy, name));
  trees.unshift(await treeOf('before', resolve(args.before), copy));
}

// The mix: 200 distinct queries, 60 % single common words (what a cyber-policy collection is searched for),
// the rest two words, phrases and a filter; drawn Zipf-wise so the popular ones repeat as on a real site.
const rand = mulberry32(16);
const w = (lo: number, hi: number) => info.vocab[lo + Math.floor(rand() * (hi - lo))]!;
const distinct = Array.from({ length: 200 }, (_, i) => {
  const r = i % 10;
  if (r < 6) return `q=${encodeURIComponent(w(10, 100))}`;
  if (r < 8) return `q=${encodeURIComponent(`${w(10, 2000)} ${w(10, 2000)}`)}`;
  if (r < 9) return `q=${encodeURIComponent(`"${info.phrases[Math.floor(rand() * info.phrases.length)]}"`)}`;
  const f = info.docFacets[Math.floor(rand() * info.docFacets.length)]!;
  return `q=${encodeURIComponent(w(10, 100))}&f.documentType=${f.documentType}`;
});
const pick = zipf(distinct.length, rand);
const paths = Array.from({ length: 5000 }, () => `/api/v1/search?template=Document&${distinct[pick()]}`);

const stores = new Map<Tree, Awaited<ReturnType<typeof OpenStore>>>();
for (const t of trees) {
  const t0 = performance.now();
  stores.set(t, await t.openStore(t.dataDir));
  log(
    `${t.name}: store opened in ${((performance.now() - t0) / 1000).toFixed(1)} s (top lists built if stale)`,
  );
}
type Row = {
  tree: string;
  label: string;
  readers: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  load: string;
};
const rows: Row[] = [];

async function run(
  t: Tree,
  label: string,
  readers: number,
  opts: { cache: boolean; nice: number; busy?: boolean; health?: boolean },
) {
  const store = stores.get(t)!;
  const config = t.loadConfig({}, { dataDir: t.dataDir, logLevel: 'silent', port: 0 });
  const pool = t.createStoreSearchPool(store, {
    workers: config.searchWorkers,
    cache: opts.cache,
    nice: opts.nice,
  });
  const app = await t.buildApp({ config, store, plugins: [t.searchRoutes({ search: pool })] });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  // The busy loop looks up now and then whether the bench is still its parent: a bench killed mid-run
  // would otherwise leave it spinning on a shared machine.
  const spin = `const p = process.ppid; for (let i = 1; ; i++) if (i % 1e8 === 0 && process.ppid !== p) process.exit();`;
  const busy = opts.busy ? spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }) : null;
  await Promise.all(paths.slice(0, 8).map((p) => fetch(base + p).then((r) => r.arrayBuffer())));
  const res = await new Promise<{ latencies: number[]; errors: number }>((resolve, reject) => {
    const worker = new Worker(new URL('./load-client.mjs', import.meta.url), {
      workerData: {
        base,
        paths: opts.health ? ['/api/v1/health'] : paths,
        concurrency: readers,
        durationMs: seconds * 1000,
        keepPriority: !!opts.busy,
      },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  busy?.kill('SIGKILL');
  await app.close();
  await pool.close();
  const sorted = res.latencies.sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const row = {
    tree: t.name,
    label,
    readers,
    rps: sorted.length / seconds,
    p50: q(0.5),
    p95: q(0.95),
    errors: res.errors,
    load: load(),
  };
  log(
    `${t.name}: ${label}, ${readers} readers: ${f1(row.rps)} req/s, p50 ${f1(row.p50)} ms, p95 ${f1(row.p95)} ms, load ${row.load}`,
  );
  rows.push(row);
}

const loadStart = load();
const each = async (label: string, readers: number, opts: Parameters<typeof run>[3]) => {
  for (const t of trees) await run(t, label, readers, opts);
};
for (const readers of [8, 32]) {
  await each('cache off', readers, { cache: false, nice: 0 });
  await each('cache on', readers, { cache: true, nice: 0 });
}
await each('busy process, workers at nice 10, cache off', 8, { cache: false, nice: 10, busy: true });
await each('busy process, workers at nice 0, cache off', 8, { cache: false, nice: 0, busy: true });
await each('/health (no search), no busy process', 8, { cache: false, nice: 0, health: true });
await each('/health (no search), busy process', 8, { cache: false, nice: 0, busy: true, health: true });
for (const t of trees) {
  await stores.get(t)!.close();
  rmSync(t.dataDir, { recursive: true, force: true });
}

const md = `# Concurrent readers

Generated ${new Date().toISOString()} by \`npx tsx bench/search/concurrency.ts ${process.argv.slice(2).join(' ')}\`.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; ${availableParallelism()} search workers; load average at start ${loadStart}.
Corpus: ${corpusLabel}. Mix: 200 distinct queries (60 % one common word), Zipf-drawn.

| tree | run | readers | req/s | p50 ms | p95 ms | errors | load average after |
|---|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.tree} | ${r.label} | ${r.readers} | ${f1(r.rps)} | ${f1(r.p50)} | ${f1(r.p95)} | ${r.errors} | ${r.load} |`).join('\n')}
`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/concurrency.md', import.meta.url), md);
log('wrote bench/.out/concurrency.md');
