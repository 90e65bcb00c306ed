/**
 * Why writes cost the result cache (decision 78): one portal of this checkout on a kept scratch copy of a
 * corpus, 32 readers of the realistic mix without and with a write every 2 s, the cache's counters
 * (CYBERPORTAL_SEARCH_CACHE_STATS) on stderr. `npx tsx bench/http/diag.ts [--paragraphs 1000000]
 * [--seconds 8] [--readers 32] [--cache on] [--tree <another checkout>]`. The copy stays in /tmp/cw-diag-p<n> between runs.
 */
import { existsSync, renameSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../src/store/sqlite/open-database.ts';
import { rebuildTopTerms } from '../../src/store/sqlite/search/top-terms.ts';
import { fmt, pct } from '../http-load.ts';
import { copyOf, corpus } from './corpora.ts';
import { mixOf } from './mix.ts';
import { start, stop } from './portals.ts';

const { values: args } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '8' },
    readers: { type: 'string', default: '32' },
    cache: { type: 'string', default: 'on' },
    rounds: { type: 'string', default: '1' },
    tree: { type: 'string' },
  },
});
const n = Number(args.paragraphs);
const c = await corpus(n);
const dir = `/tmp/cw-diag-p${n}`;
if (!existsSync(dir)) {
  const tmp = copyOf(c);
  const h = await openDatabase(tmp);
  h.sqlite.transaction(() => rebuildTopTerms(h.sqlite))();
  await h.db.destroy();
  renameSync(tmp, dir);
}
const { paths } = mixOf(c.info);

process.env.CYBERPORTAL_SEARCH_CACHE_STATS ??= '2';
const s = await start(
  resolve(args.tree ?? resolve(import.meta.dirname, '..', '..')),
  dir,
  args.cache === 'on',
);
// Warm: every distinct query once, two at a time (a cold worker at 1M on a loaded machine passes the 5 s deadline).
const uniq = [...new Set(paths)];
for (let i = 0; i < uniq.length; i += 2)
  await Promise.all(uniq.slice(i, i + 2).map((p) => fetch(s.url + p).then((r) => r.arrayBuffer())));
for (let round = 0; round < Number(args.rounds); round++)
  for (const write of [false, true]) {
    console.error(`--- ${write ? 'write/2s' : 'no writes'}`);
    s.child.send({ write: write ? 2000 : 0 });
    const res = await new Promise<{ latencies: number[]; errors: number }>((ok, fail) => {
      const worker = new Worker(new URL('../search/load-client.mjs', import.meta.url), {
        workerData: {
          base: s.url,
          paths,
          concurrency: Number(args.readers),
          durationMs: Number(args.seconds) * 1000,
        },
      });
      worker.once('message', ok);
      worker.once('error', fail);
    });
    s.child.send({ write: 0 });
    const l = res.latencies;
    console.error(
      `=== ${write ? 'write/2s' : 'no writes'}: ${fmt(l.length / Number(args.seconds))} req/s p50 ${fmt(pct(l, 50))} p95 ${fmt(pct(l, 95))} p99 ${fmt(pct(l, 99))} errors ${res.errors} load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
  }
await stop(s);
