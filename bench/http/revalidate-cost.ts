/**
 * What a write costs the result cache's check on the server's thread (decision 78): the bench's 200
 * distinct queries are searched tracked on a scratch copy of a corpus with its top lists (bench/http/diag.ts
 * makes /tmp/cw-diag-p<n>), one curator's title edit is made, and every answer is brought forward through it
 * by `revalidate` — this checkout's and the `--before` checkout's, alternating, on the same connection and
 * data. `npx tsx bench/http/revalidate-cost.ts --before <checkout> [--dir /tmp/cw-diag-p1000000]
 * [--rounds 3]`. Prints the sum and the slowest check per write, and the verdicts.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ANONYMOUS } from '../../src/domain/visibility.ts';
import { searchKey } from '../../src/search/result-cache.ts';
import { effectWhy } from '../../src/search/write-effects.ts';
import { applyPragmas } from '../../src/store/sqlite/open-database.ts';
import * as after from '../../src/store/sqlite/search/cache-feed.ts';
import { openStore } from '../../src/store/store.ts';
import { mixOf } from './mix.ts';
import { titleEdits } from './title-edits.ts';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    dir: { type: 'string', default: '/tmp/cw-diag-p1000000' },
    corpus: { type: 'string', default: join(import.meta.dirname, '..', '.out', 'corpora', 'p1000000') },
    rounds: { type: 'string', default: '3' },
  },
});
if (!args.before) throw new Error('--before <checkout> is required');
const before = (await import(
  join(resolve(args.before), 'src/store/sqlite/search/cache-feed.ts')
)) as typeof after;
const { vocab, phrases, docFacets } = JSON.parse(readFileSync(join(args.corpus, 'corpus.json'), 'utf8'));
const distinct = mixOf({ vocab, phrases, docFacets }).distinct.map(({ q, documentType }) => ({
  template: 'Document',
  viewer: ANONYMOUS,
  q,
  ...(documentType ? { filters: { documentType: { values: [documentType], op: 'or' as const } } } : {}),
}));
const queries = [...new Map(distinct.map((p) => [searchKey(p), p])).values()];

const store = await openStore(args.dir);
const sqlite = store.sqlite.sqlite;
const reader = new Database(join(args.dir, 'cyberportal.sqlite'), { readonly: true, fileMustExist: true });
applyPragmas(reader, { readonly: true });
const { ids, rename } = titleEdits(sqlite);
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${queries.length} answers`,
);
for (let round = 0; round < Number(args.rounds); round++) {
  const tracked = queries.map((p) => after.trackedSearch(reader, p));
  const id = ids[(round * 7919 + 13) % ids.length]!;
  rename.run(`Edited document r${round}`, new Date().toISOString(), id);
  await store.searchIndex.indexEntity(id);
  for (const [name, feed] of round % 2
    ? ([
        ['after', after],
        ['before', before],
      ] as const)
    : ([
        ['before', before],
        ['after', after],
      ] as const)) {
    const verdicts = new Map<string, number>();
    let sum = 0;
    let max = 0;
    for (const [i, p] of queries.entries()) {
      const t0 = performance.now();
      const { changes } = feed.revalidate(reader, { since: tracked[i]!.at, queries: [p] });
      const ms = performance.now() - t0;
      sum += ms;
      max = Math.max(max, ms);
      const why = changes ? effectWhy({ ...tracked[i]!, params: p }, changes, 0).join(': ') : 'bulk';
      verdicts.set(why, (verdicts.get(why) ?? 0) + 1);
    }
    console.log(
      `round ${round} ${name}: ${sum.toFixed(0)} ms for ${queries.length} checks, slowest ${max.toFixed(1)} ms; ${[...verdicts].map(([k, v]) => `${k} ${v}`).join(', ')}; load ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}
reader.close();
await store.close();
