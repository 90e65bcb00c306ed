/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement one PostgreSQL search runs: `npx tsx
 * bench/search/explain-postgres.ts --pg-url postgres://…/bench_search --q 'giki' [--filters dt,state]`.
 * The statements are captured from the provider (same text, same parameters), then explained on one
 * connection with the provider's session settings. For finding where a slow query class spends its time.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPostgresSearchProvider } from '../../src/store/postgres/search/provider.ts';
import type { CorpusInfo } from './corpus.ts';
import { type BenchQuery, queryClasses, toParams } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    'pg-url': { type: 'string' },
    q: { type: 'string', multiple: true },
    filters: { type: 'string' },
    settings: { type: 'string', default: '' },
    brief: { type: 'boolean', default: false },
    generic: { type: 'boolean', default: false },
    /** Time a bench class's queries on PostgreSQL alone and explain its slowest few (needs --keep DIR). */
    class: { type: 'string' },
    keep: { type: 'string' },
    slowest: { type: 'string', default: '3' },
  },
});
const pool = new pg.Pool({ connectionString: args['pg-url'], max: 2 });
const captured: { text: string; values: unknown[]; ms: number }[] = [];
let last: unknown[] = [];
const provider = createPostgresSearchProvider({
  pool,
  timeoutMs: 60_000,
  onStatement: (text, ms) => captured.push({ text, values: last, ms }),
});
// Parameters: wrap the pool's connect so each query's values are seen before onStatement.
const connect = pool.connect.bind(pool);
(pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
  const c = await connect();
  const q = c.query.bind(c) as (...a: unknown[]) => unknown;
  (c as unknown as { query: (...a: unknown[]) => unknown }).query = (cfg: unknown, ...rest: unknown[]) => {
    if (cfg && typeof cfg === 'object' && 'values' in cfg) last = (cfg as { values: unknown[] }).values ?? [];
    return q(cfg, ...rest);
  };
  return c;
};
const [dt, state] = args.filters?.split(',') ?? [];
const todo: BenchQuery[] = (args.q ?? []).map((q) => ({
  q,
  filters: dt && state ? { documentType: dt, state } : undefined,
}));
if (args.class) {
  const info = JSON.parse(readFileSync(join(args.keep ?? '.', 'bench-info.json'), 'utf8')) as CorpusInfo;
  const c = queryClasses(info, 200, 7).find((x) => x.name === args.class);
  if (!c) throw new Error(`no class ${args.class}`);
  const times: { b: BenchQuery; ms: number; detail: string }[] = [];
  for (const b of c.queries) {
    captured.length = 0;
    const t0 = performance.now();
    await provider.search(toParams(b));
    const ms = performance.now() - t0;
    const detail = captured
      .map((s) => `${s.ms.toFixed(0)}:${s.text.replace(/\s+/g, ' ').slice(0, 24)}`)
      .join(' | ');
    times.push({ b, ms, detail });
  }
  const sorted = [...times.slice(20)].sort((a, b) => a.ms - b.ms);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!.ms;
  console.log(`${args.class}: median ${at(0.5).toFixed(1)} p95 ${at(0.95).toFixed(1)} ms`);
  for (const t of sorted.slice(-Number(args.slowest) * 3).reverse())
    console.log(`  ${t.ms.toFixed(1)} ms ${JSON.stringify(t.b)}  ${t.detail}`);
  todo.push(...sorted.slice(-Number(args.slowest)).map((t) => t.b));
}
for (const b of todo) {
  const params = toParams(b);
  await provider.search(params); // warm (doc cache, catalog)
  captured.length = 0;
  const t0 = performance.now();
  const r = await provider.search(params);
  console.log(`\n### ${JSON.stringify(b)}: total ${r.total}, ${(performance.now() - t0).toFixed(1)} ms`);
  for (const s of captured)
    console.log(`  ${s.ms.toFixed(1)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 90)}`);
  const client = await pool.connect();
  try {
    await client.query(
      `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL enable_seqscan = off; ${args.settings}`,
    );
    for (const s of captured) {
      if (s.ms < 2) continue;
      // --generic: the plan a prepared statement settles on after five runs (the provider prepares).
      let rows: Record<string, unknown>[];
      if (args.generic) {
        await client.query(`DEALLOCATE ALL; SET LOCAL plan_cache_mode = force_generic_plan`);
        await client.query(`PREPARE x AS ${s.text}`);
        const literal = (v: unknown) =>
          client.escapeLiteral(
            String((pg as unknown as { utils: { prepareValue(v: unknown): unknown } }).utils.prepareValue(v)),
          );
        const ps = s.values.map(literal).join(', ');
        rows = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE x${ps ? `(${ps})` : ''}`)).rows;
      } else rows = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, SETTINGS) ${s.text}`, s.values)).rows;
      console.log(
        `\n--- ${s.ms.toFixed(1)} ms: ${s.text.replace(/\s+/g, ' ').slice(0, 200)}\n    params: ${JSON.stringify(s.values).slice(0, 300)}`,
      );
      const lines = rows.map((x) => x['QUERY PLAN'] as string);
      console.log((args.brief ? lines.filter((l) => !/Buffers|Output/.test(l)) : lines).join('\n'));
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
await provider.close();
await pool.end();
