/**
 * How a frequent word's search grows with the collection, measured so that the sizes meet the same
 * process state (issue 16: "cost from 200k to 1M paragraphs growing less than 2× for frequent terms"):
 * `npx tsx bench/search/frequent-tail.ts [--paragraphs 200000,1000000] [--queries 400] [--warmup 100]
 * [--cold] [--sequential]`.
 *
 * trees.ts put the 200k → 1M p95 growth at 2.2× (median 1.24×) with a 200k p95 of ~6 ms, and three things
 * in that run leaned on the larger size: the sizes ran one after another (the first met code V8 had not
 * optimised yet, the second a heap grown by the first), the top lists were rebuilt in the timing process
 * (~330 MB of garbage, collected during the "frequent term" rows), and its CPU column was the whole
 * process's (V8's collector threads included). Here every size's copy of its stored corpus is open at
 * once, prepared in a child process (migrations, stale lists); each timed round runs one query on every
 * size, in alternating order; a warm-up on all sizes and a full collection come before timing. Per size:
 * wall and main-thread CPU (main-thread.ts) median/p95/p99, and how many timed queries a collector pause
 * fell in; then the growth between sizes. The query path is trees.ts's: the project's search (the
 * frequent-word top lists included) on a read-only reader connection, the bench's "frequent term" class.
 *
 * --cold repeats the earlier run's conditions: lists rebuilt in this process, no warm-up, no full
 * collection (only the first search of each size, which loads its document cache, stays untimed).
 * --sequential times the sizes one after another instead of alternating. With CYBERPORTAL_SEARCH_SPANS=1
 * the search's steps (spans.ts) are kept per query, and a table compares each step's mean over all timed
 * queries with its mean over the slowest 5 % (where the p95 comes from). Writes
 * bench/.out/frequent-tail[-cold][-sequential].md. Corpora: bench/.out/corpora/p<n> must be built (or
 * linked to another checkout's), as bench/http/corpora.ts builds them; this bench never builds one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyPragmas, openDatabase } from '../../src/store/sqlite/open-database.ts';
import { search } from '../../src/store/sqlite/search/search.ts';
import { spanTotals } from '../../src/store/sqlite/search/spans.ts';
import { rebuildTopTerms } from '../../src/store/sqlite/search/top-terms.ts';
import { type Corpus, copyOf, storedCorpus } from '../http/corpora.ts';
import { fmt, pct } from '../http-load.ts';
import { fullGc, gcPauses, mainThreadCpuMs, pausedWithin } from './main-thread.ts';
import { type BenchQuery, queryClasses, toParams } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '200000,1000000' },
    queries: { type: 'string', default: '400' },
    warmup: { type: 'string', default: '100' },
    cold: { type: 'boolean', default: false },
    sequential: { type: 'boolean', default: false },
    /** Internal: the child process that opens (migrates) a copy before the timing process reads it. */
    prepare: { type: 'string' },
  },
});

/** Top lists on the copy: how many (the child's answer on stdout). */
const topListCount = (sqlite: Database.Database) =>
  sqlite.prepare(`SELECT count(*) FROM search_top_terms`).pluck().get() as number;

if (args.prepare) {
  const h = await openDatabase(args.prepare);
  h.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  process.stdout.write(String(topListCount(h.sqlite)));
  await h.db.destroy();
  process.exit(0);
}

const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const QUERIES = Number(args.queries);
const WARMUP = args.cold ? 0 : Number(args.warmup);

/** Opens a copy in a child process, so the migrations' and any rebuild's garbage is not this heap's. */
function prepareInChild(dir: string): number {
  const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--prepare', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`preparing ${dir} failed (exit ${r.status})`);
  return Number(r.stdout.trim());
}

/** As trees.ts did: the lists rebuilt in the timing process. */
async function prepareHere(dir: string): Promise<number> {
  const h = await openDatabase(dir);
  const built = h.sqlite.transaction(() => rebuildTopTerms(h.sqlite))();
  await h.db.destroy();
  return built.terms;
}

type Size = {
  n: number;
  c: Corpus;
  dir: string;
  lists: number;
  db: Database.Database;
  warm: BenchQuery[];
  timed: BenchQuery[];
  wall: number[];
  cpu: number[];
  spans: { start: number; end: number }[];
  /** With CYBERPORTAL_SEARCH_SPANS: each timed query's ms per step. */
  steps: Map<string, number>[];
};
const SPANS = !!process.env.CYBERPORTAL_SEARCH_SPANS;

const loadStart = load();
const sizes: Size[] = [];
for (const n of args.paragraphs.split(',').map(Number)) {
  const c = storedCorpus(n);
  const dir = copyOf(c);
  const lists = args.cold ? await prepareHere(dir) : prepareInChild(dir);
  const db = new Database(join(dir, 'cyberportal.sqlite'), { readonly: true, fileMustExist: true });
  applyPragmas(db, { readonly: true });
  // The bench's "frequent term" class (words of frequency rank 10–100), with trees.ts's seed: the first
  // WARMUP queries warm up, the next QUERIES are timed.
  const cls = queryClasses(c.info, Math.max(0, WARMUP + QUERIES - 20), 7).find(
    (k) => k.name === 'frequent term',
  )!;
  const size = { n, c, dir, lists, db, wall: [], cpu: [], spans: [], steps: [] };
  sizes.push({ ...size, warm: cls.queries.slice(0, WARMUP), timed: cls.queries.slice(WARMUP) });
  log(`p${n}: copy ${dir}, ${lists} top lists`);
}

const run = (s: Size, q: BenchQuery) => search(s.db, toParams(q));
// The first search of a connection loads its document cache (a cost paid once when a worker starts).
for (const s of sizes) run(s, { q: s.c.info.vocab[10]! });
/** Round i's order: forwards on even rounds, backwards on odd ones, so no size always goes first. */
const order = (i: number) => (i % 2 ? [...sizes].reverse() : sizes);
for (let i = 0; i < WARMUP; i++) for (const s of order(i)) run(s, s.warm[i]!);
if (!args.cold) fullGc();

const gc = gcPauses();
const timeOne = (s: Size, q: BenchQuery) => {
  // The sums are only written out (and cleared) by a timer, which cannot fire inside this loop.
  spanTotals.clear();
  const c0 = mainThreadCpuMs();
  const t0 = performance.now();
  run(s, q);
  const t1 = performance.now();
  s.cpu.push(mainThreadCpuMs() - c0);
  s.wall.push(t1 - t0);
  s.spans.push({ start: t0, end: t1 });
  if (SPANS) s.steps.push(new Map(spanTotals));
};
if (args.sequential) for (const s of sizes) for (const q of s.timed) timeOne(s, q);
else for (let i = 0; i < QUERIES; i++) for (const s of order(i)) timeOne(s, s.timed[i]!);
const pauses = await gc.stop();

const cell = (xs: number[]) => [50, 95, 99].map((p) => fmt(pct(xs, p))).join(' | ');
/** Per size, the pause ms inside each timed query, and the wall times of the queries no pause fell in. */
const gcOf = (s: Size) => {
  const inQuery = s.spans.map((q) => pausedWithin(pauses, q.start, q.end));
  return { inQuery, clean: s.wall.filter((_, i) => inQuery[i] === 0) };
};
const rows = sizes.map((s) => {
  const { inQuery, clean } = gcOf(s);
  const hit = inQuery.filter((ms) => ms > 0);
  // The p95 of the queries no pause fell in: how much of the tail the collector makes.
  const gcCell = `${hit.length} | ${fmt(hit.reduce((a, b) => a + b, 0))} | ${fmt(pct(clean, 95))}`;
  const docs = s.c.docs.toLocaleString('en');
  return `| ${s.n.toLocaleString('en')} | ${docs} | ${s.lists} | ${s.wall.length} | ${cell(s.wall)} | ${fmt(Math.max(...s.wall))} | ${cell(s.cpu)} | ${gcCell} |`;
});
const ratio = (a: number[], b: number[], p: number) => `${(pct(b, p) / pct(a, p)).toFixed(2)}×`;
const growth = (a: Size, b: Size) =>
  `| ${a.n.toLocaleString('en')} → ${b.n.toLocaleString('en')} | ${[50, 95, 99].map((p) => ratio(a.wall, b.wall, p)).join(' | ')} | ${[50, 95, 99].map((p) => ratio(a.cpu, b.cpu, p)).join(' | ')} | ${ratio(gcOf(a).clean, gcOf(b).clean, 95)} |`;
const pairs = sizes.slice(1).map((b, i) => growth(sizes[i]!, b));
if (sizes.length > 2) pairs.push(growth(sizes[0]!, sizes[sizes.length - 1]!));

/** Each step's mean ms over all timed queries and over those at or above the wall p95, per size. */
function stepTable(): string {
  if (!SPANS) return '';
  const rows: string[] = [];
  for (const s of sizes) {
    const p95 = pct(s.wall, 95);
    const tail = s.steps.filter((_, i) => s.wall[i]! >= p95);
    const mean = (qs: Map<string, number>[], name: string) =>
      fmt(qs.reduce((a, q) => a + (q.get(name) ?? 0), 0) / Math.max(1, qs.length));
    const names = new Set(s.steps.flatMap((q) => [...q.keys()]));
    for (const name of names)
      rows.push(`| ${s.n.toLocaleString('en')} | ${name} | ${mean(s.steps, name)} | ${mean(tail, name)} |`);
    const wallOf = (xs: number[]) => fmt(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
    rows.push(
      `| ${s.n.toLocaleString('en')} | (whole query, wall) | ${wallOf(s.wall)} | ${wallOf(s.wall.filter((w) => w >= p95))} |`,
    );
  }
  return `
Steps (CYBERPORTAL_SEARCH_SPANS; frequentWordPage holds wordHolders … holderCounts), mean ms per query:

| paragraphs | step | all timed queries | slowest 5 % |
|---|---|---|---|
${rows.join('\n')}
`;
}

const mode = args.cold
  ? 'cold: lists rebuilt in this process, no warm-up, no full collection before timing'
  : `${WARMUP} warm-up queries per size (alternating), then a full collection`;
const md = `# Frequent-term search by corpus size

Generated ${new Date().toISOString()} by \`npx tsx bench/search/frequent-tail.ts --paragraphs ${args.paragraphs} --queries ${QUERIES}${args.cold ? ' --cold' : ` --warmup ${WARMUP}`}${args.sequential ? ' --sequential' : ''}\`.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average at start ${loadStart}, at end ${load()}.
Mode: ${mode}; sizes ${args.sequential ? 'one after another' : 'alternating query by query'}. ms per query: wall, and
main-thread CPU (the thread CPU clock through WASI, main-thread.ts: user + system of the thread running
the search, V8's collector threads left out). GC: how many timed queries a collector pause overlapped, the pause ms in
them, and the wall p95 of the queries no pause fell in.

| paragraphs | documents | top lists | timed | wall median | p95 | p99 | max | CPU median | p95 | p99 | queries with GC | GC ms | wall p95 without GC |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Growth (larger size ÷ smaller):

| sizes | wall median | p95 | p99 | CPU median | p95 | p99 | wall p95 without GC |
|---|---|---|---|---|---|---|---|
${pairs.join('\n')}
${stepTable()}`;
for (const s of sizes) {
  s.db.close();
  rmSync(s.dir, { recursive: true, force: true });
}
const out = `frequent-tail${args.cold ? '-cold' : ''}${args.sequential ? '-sequential' : ''}.md`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL(`../.out/${out}`, import.meta.url), md);
console.log(md);
log(`wrote bench/.out/${out}`);
