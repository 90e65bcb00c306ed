/**
 * What readers feel over HTTP (issue 16 item 7): `npx tsx bench/http/run.ts --before <checkout>
 * [--paragraphs 20000,200000] [--readers 1,8,32] [--seconds 10] [--cache on,off]`. For each corpus size (built once and
 * reused, bench/http/corpora.ts), the real portal of the checkout `--before` and of this one serve a
 * copy each (this one's top lists built first, timed); the same client then sends a realistic mix — 200
 * distinct queries drawn Zipf-wise, 60 % one common word, 20 % two words, 10 % phrases, 10 % word + filter
 * — from 1, 8 and 32 concurrent readers, without and with a curator's edit every 2 s, result cache on
 * (the default) and off. Runs alternate between the two checkouts per configuration, so both see the same
 * machine load; the load average is recorded beside each. `--rounds N` measures every row N times, the
 * order of "no writes" and "writes" flipped each round (the first rows of a run met a colder machine), and
 * adds the medians over the rounds and the writes/no-writes ratios: two copies of one checkout differ by up to
 * 1.3× in one 8 s p99, so one sample cannot tell 1.4× from 1.6×. Writes bench/.out/http.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../src/store/sqlite/open-database.ts';
import { rebuildTopTerms } from '../../src/store/sqlite/search/top-terms.ts';
import { fmt, pct } from '../http-load.ts';
import { copyOf, corpus } from './corpora.ts';
import { mixOf } from './mix.ts';
import { type Server, start, stop } from './portals.ts';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    paragraphs: { type: 'string', default: '20000,200000' },
    readers: { type: 'string', default: '1,8,32' },
    seconds: { type: 'string', default: '10' },
    'write-ms': { type: 'string', default: '2000' },
    cache: { type: 'string', default: 'on,off' },
    rounds: { type: 'string', default: '1' },
  },
});
if (!args.before) throw new Error('--before <checkout of the code to compare with> is required');
const TREES = { before: resolve(args.before), after: resolve(import.meta.dirname, '..', '..') };
const seconds = Number(args.seconds);
const writeMs = Number(args['write-ms']);
const readerCounts = args.readers.split(',').map(Number);
const rounds = Number(args.rounds);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

type Measured = Awaited<ReturnType<typeof measure>>;

/** Per checkout, cache setting and reader count: the medians over the rounds, and writes against none. */
function ratios(samples: { cache: boolean; write: boolean; readers: number; tree: string; m: Measured }[]) {
  const out: string[] = [];
  const keys = new Set(samples.map((x) => `${x.tree}|${x.cache}|${x.readers}`));
  for (const key of keys) {
    const [tree, cache, readers] = key.split('|');
    const of = (write: boolean) =>
      samples.filter((x) => `${x.tree}|${x.cache}|${x.readers}` === key && x.write === write).map((x) => x.m);
    const [none, writes] = [of(false), of(true)];
    const rps = [median(none.map((m) => m.rps)), median(writes.map((m) => m.rps))] as const;
    const p99 = [median(none.map((m) => m.p99)), median(writes.map((m) => m.p99))] as const;
    out.push(
      `| ${tree} | ${cache === 'true' ? 'on' : 'off'} | ${readers} | ${none.length} | ${fmt(rps[0])}, ${fmt(p99[0])} | ${fmt(rps[1])}, ${fmt(p99[1])} | ${(rps[0] / rps[1]).toFixed(2)}× | ${(p99[1] / p99[0]).toFixed(2)}× |`,
    );
  }
  return `| checkout | result cache | readers | rounds | no writes: median req/s, p99 ms | writes: median req/s, p99 ms | req/s ratio | p99 ratio |
|---|---|---|---|---|---|---|---|
${out.join('\n')}`;
}

async function measure(s: Server, paths: string[], readers: number, write: boolean) {
  // Warm: every worker has loaded its caches and the first queries are compiled.
  await Promise.all(paths.slice(0, 16).map((p) => fetch(s.url + p).then((r) => r.arrayBuffer())));
  s.child.send({ write: write ? writeMs : 0 });
  const res = await new Promise<{ latencies: number[]; errors: number }>((ok, fail) => {
    const worker = new Worker(new URL('../search/load-client.mjs', import.meta.url), {
      workerData: { base: s.url, paths, concurrency: readers, durationMs: seconds * 1000 },
    });
    worker.once('message', ok);
    worker.once('error', fail);
  });
  s.child.send({ write: 0 });
  return {
    rps: res.latencies.length / seconds,
    p50: pct(res.latencies, 50),
    p95: pct(res.latencies, 95),
    p99: pct(res.latencies, 99),
    errors: res.errors,
    load: load(),
  };
}

const loadStart = load();
const sections: string[] = [];
for (const n of args.paragraphs.split(',').map(Number)) {
  const c = await corpus(n, log);
  const { paths } = mixOf(c.info);
  const dirs = { before: copyOf(c), after: copyOf(c) };
  // This checkout's migrations add the top-list tables; its lists are then built once (what a reindex does).
  const t0 = performance.now();
  const h = await openDatabase(dirs.after);
  const built = h.sqlite.transaction(() => rebuildTopTerms(h.sqlite))();
  await h.db.destroy();
  const buildMs = performance.now() - t0;
  log(`p${n}: ${built.terms} top lists built in ${fmt(buildMs)} ms`);
  const rows: string[] = [];
  const samples: { cache: boolean; write: boolean; readers: number; tree: string; m: Measured }[] = [];
  for (const cache of args.cache.split(',').map((c) => c === 'on')) {
    const servers = {
      before: await start(TREES.before, dirs.before, cache),
      after: await start(TREES.after, dirs.after, cache),
    };
    // Every distinct query once, two at a time, before the first row: cold workers on a loaded machine
    // passed the 5 s deadline, and a cache filling during the first rows made "no writes" (measured first)
    // the colder baseline of the comparison with writes (decision 78).
    for (const s of Object.values(servers)) {
      const t = performance.now();
      const uniq = [...new Set(paths)];
      for (let i = 0; i < uniq.length; i += 2)
        await Promise.all(uniq.slice(i, i + 2).map((p) => fetch(s.url + p).then((r) => r.arrayBuffer())));
      log(`warmed ${uniq.length} queries in ${fmt(performance.now() - t)} ms`);
    }
    for (let round = 0; round < rounds; round++)
      for (const write of round % 2 ? [true, false] : [false, true])
        for (const readers of cache ? readerCounts : readerCounts.filter((r) => r > 1)) {
          const r: Record<string, Measured> = {};
          for (const tree of ['before', 'after'] as const) {
            r[tree] = await measure(servers[tree], paths, readers, write);
            log(
              `p${n} round ${round + 1} cache ${cache ? 'on' : 'off'} ${write ? 'write/2s' : 'no writes'} ${readers} readers ${tree}: ${fmt(r[tree].rps)} req/s p50 ${fmt(r[tree].p50)} p95 ${fmt(r[tree].p95)} p99 ${fmt(r[tree].p99)} errors ${r[tree].errors} load ${r[tree].load}`,
            );
            samples.push({ cache, write, readers, tree, m: r[tree] });
          }
          const cell = (x: Measured) =>
            `${fmt(x.rps)} | ${fmt(x.p50)} / ${fmt(x.p95)} / ${fmt(x.p99)} | ${x.errors} | ${x.load}`;
          rows.push(
            `| ${rounds > 1 ? `${round + 1} | ` : ''}${cache ? 'on' : 'off'} | ${write ? `every ${writeMs / 1000} s` : 'none'} | ${readers} | ${cell(r.before!)} | ${cell(r.after!)} |`,
          );
        }
    const writes = { before: await stop(servers.before), after: await stop(servers.after) };
    log(`writes made: before ${writes.before}, after ${writes.after}`);
  }
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  sections.push(`### ${n.toLocaleString('en')} paragraphs, ${c.docs.toLocaleString('en')} documents

Top lists built in ${(buildMs / 1000).toFixed(1)} s (${built.terms} words).

| ${rounds > 1 ? 'round | ' : ''}result cache | writes | readers | before: req/s | p50 / p95 / p99 ms | errors | load after | after: req/s | p50 / p95 / p99 ms | errors | load after |
|${rounds > 1 ? '---|' : ''}---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
${rounds > 1 ? `\nMedians over ${rounds} rounds (writes every ${writeMs / 1000} s against none):\n\n${ratios(samples)}\n` : ''}`);
}

const md = `# Readers over HTTP

Generated ${new Date().toISOString()} by \`npx tsx bench/http/run.ts --before ${args.before} --paragraphs ${args.paragraphs} --readers ${args.readers} --seconds ${seconds} --cache ${args.cache} --rounds ${rounds}\`.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average at start ${loadStart}, at end ${load()}.
Each row: the same ${seconds} s of the same request sequence against the checkout before (\`${TREES.before}\`) and this one, one after the other.

${sections.join('\n')}`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/http.md', import.meta.url), md);
log('wrote bench/.out/http.md');
