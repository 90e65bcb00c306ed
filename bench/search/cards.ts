/**
 * What result cards cost: `npx tsx bench/search/cards.ts [--docs 2000] [--paragraphs 60000] [--queries 120]`.
 * Builds a generated corpus in a temp directory and times each query class with cards (facts, metadata
 * passages) and without, alternating the two per query so both see the same load. Prints a markdown table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/store/sqlite/open-database.ts';
import { reindexAll, search } from '../../src/store/sqlite/search/index.ts';
import { generateCorpus } from './corpus.ts';
import { queryClasses, stats, toParams } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    paragraphs: { type: 'string', default: '60000' },
    queries: { type: 'string', default: '120' },
  },
});
const N = { docs: Number(args.docs), paragraphs: Number(args.paragraphs), queries: Number(args.queries) };
const f1 = (n: number) => n.toFixed(1);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const loadBefore = load();
const dataDir = mkdtempSync(join(tmpdir(), 'cp-bench-cards-'));
const handle = await openDatabase(dataDir);
const { sqlite } = handle;
const info = generateCorpus(sqlite, { ...N, seed: 20261123 });
reindexAll({ sqlite });

const rows: string[] = [];
for (const c of queryClasses(info, N.queries, 7)) {
  const withCards: number[] = [];
  const without: number[] = [];
  c.queries.forEach((b, i) => {
    const runs: [number[], boolean][] = [
      [withCards, true],
      [without, false],
    ];
    if (i % 2) runs.reverse();
    for (const [out, cards] of runs) {
      const t0 = performance.now();
      search(sqlite, { ...toParams(b), cards });
      if (i >= 20) out.push(performance.now() - t0);
    }
  });
  const a = stats(withCards);
  const b = stats(without);
  rows.push(`| ${c.name} | ${f1(a.median)} | ${f1(a.p95)} | ${f1(b.median)} | ${f1(b.p95)} |`);
}
console.log(
  `${cpus().length} cores (${cpus()[0]?.model}); load average before ${loadBefore}, after ${load()}; ` +
    `${N.docs} documents, ${info.paragraphs} paragraphs, ${N.queries - 20} timed queries per class\n`,
);
console.log('| class | with cards median | p95 | without median | p95 |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
sqlite.close();
rmSync(dataDir, { recursive: true, force: true });
