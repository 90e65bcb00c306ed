/**
 * Decision 73's path against FTS5's on one copy of a corpus, in one run: the bench's queries of a class
 * (queries.ts, seed 7, as trees.ts), each searched on two reader connections of the same file, one with
 * several listed words answered from their stored holders, one with FTS5 only (`listedWords.enabled`),
 * alternating per query; CPU and wall ms after 20 warm-up.
 * `npx tsx bench/search/listed-ab.ts --dir <data dir of a migrated copy with its top lists> \
 *   --corpus bench/.out/corpora/p1000000/corpus.json [--class "two terms"] [--queries 100]`
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyPragmas } from '../../src/store/sqlite/open-database.ts';
import { listedWords } from '../../src/store/sqlite/search/listed-words.ts';
import { search } from '../../src/store/sqlite/search/search.ts';
import { queryClasses, toParams } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    corpus: { type: 'string' },
    class: { type: 'string', default: 'two terms' },
    queries: { type: 'string', default: '100' },
  },
});
if (!args.dir || !args.corpus)
  throw new Error('--dir <migrated copy> and --corpus <corpus.json> are required');
const info = JSON.parse(readFileSync(args.corpus, 'utf8'));
const open = () => {
  const db = new Database(join(args.dir!, 'cyberportal.sqlite'), { readonly: true, fileMustExist: true });
  applyPragmas(db, { readonly: true });
  return db;
};
const paths = [
  { name: 'FTS5', db: open(), enabled: false },
  { name: 'stored holders', db: open(), enabled: true },
];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const ms = new Map<string, { cpu: number[]; wall: number[] }>(
  paths.map((p) => [p.name, { cpu: [], wall: [] }]),
);
const load0 = loadavg()[0]!.toFixed(1);
for (const cls of queryClasses(info, Number(args.queries), 7)) {
  if (cls.name !== args.class) continue;
  for (const [i, q] of cls.queries.entries())
    for (const p of i % 2 ? paths : [...paths].reverse()) {
      listedWords.enabled = p.enabled;
      const c0 = cpu();
      const w0 = performance.now();
      search(p.db, toParams(q));
      if (i >= 20) {
        ms.get(p.name)!.cpu.push(cpu() - c0);
        ms.get(p.name)!.wall.push(performance.now() - w0);
      }
    }
}
const at = (x: number[], q: number) => [...x].sort((a, b) => a - b)[Math.ceil(q * x.length) - 1]!.toFixed(1);
console.log(`${args.class}: load ${load0} → ${loadavg()[0]!.toFixed(1)}`);
for (const [name, { cpu: c, wall: w }] of ms)
  console.log(
    `${name.padEnd(15)} CPU median ${at(c, 0.5)} p95 ${at(c, 0.95)} | wall median ${at(w, 0.5)} p95 ${at(w, 0.95)}`,
  );
