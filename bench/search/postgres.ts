/**
 * PostgreSQL search beside SQLite FTS5: `npx tsx bench/search/postgres.ts [--docs 5000] [--paragraphs 200000]
 * [--queries 200] [--hostile-mb 2]`. Builds the search bench's generated corpus (corpus.ts, same seed) in
 * SQLite, copies the rows into a throw-away PostgreSQL cluster (test/postgres/cluster.ts), indexes both,
 * and times every query class on both engines in the same run, alternating per query, through each
 * engine's provider code (SQLite: `search` in process, as bench/search/run.ts; PostgreSQL: the
 * SearchProvider of src/store/postgres/search). Checks that both engines find the same number of entities
 * for every timed query. Writes bench/.out/search-postgres.md. `--keep DIR` keeps both collections for
 * another run (which reuses them); `--pg-url` uses a running server instead of a throw-away cluster.
 */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SearchProvider } from '../../src/search/provider.ts';
import { connectPostgres, migratePostgres } from '../../src/store/postgres/open-postgres-store.ts';
import { reindexAll as reindexPostgres } from '../../src/store/postgres/search/entity-index.ts';
import { createPostgresSearchProvider } from '../../src/store/postgres/search/provider.ts';
import { openDatabase } from '../../src/store/sqlite/open-database.ts';
import {
  autocompleteTitles,
  reindexAll,
  search,
  searchWithinFile,
} from '../../src/store/sqlite/search/index.ts';
import { startCluster } from '../../test/postgres/cluster.ts';
import { copyFromSqlite } from '../../test/postgres/copy-from-sqlite.ts';
import { adminQuery, databaseUrl } from '../../test/postgres/test-database.ts';
import { addHostileDocument, type CorpusInfo, generateCorpus } from './corpus.ts';
import { type BenchQuery, queryClasses, stats, toParams } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '5000' },
    paragraphs: { type: 'string', default: '200000' },
    queries: { type: 'string', default: '200' },
    'hostile-mb': { type: 'string', default: '2' },
    /** Keep (and on a later run reuse) the SQLite collection and the PostgreSQL database: for iterating. */
    keep: { type: 'string' },
    /** A PostgreSQL server to use instead of a throw-away cluster (with --keep: its database is reused). */
    'pg-url': { type: 'string' },
  },
});
const N = { docs: Number(args.docs), paragraphs: Number(args.paragraphs), queries: Number(args.queries) };
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const f1 = (n: number) => n.toFixed(1);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const loadBefore = load();

const dataDir = args.keep ?? mkdtempSync(join(tmpdir(), 'cp-bench-pgsearch-'));
const infoFile = join(dataDir, 'bench-info.json');
const reuse = !!args.keep && existsSync(infoFile);
const handle = await openDatabase(dataDir);
const { sqlite } = handle;
let t0 = performance.now();
let info: CorpusInfo;
if (reuse) info = JSON.parse(readFileSync(infoFile, 'utf8')) as CorpusInfo;
else {
  info = generateCorpus(sqlite, { ...N, seed: 20261123 });
  const hostileChars = Math.round(Number(args['hostile-mb']) * 1_000_000);
  if (hostileChars > 0) addHostileDocument(sqlite, info, { chars: hostileChars, seed: 15 });
  reindexAll({ sqlite });
  if (args.keep) writeFileSync(infoFile, JSON.stringify(info));
}
const sqliteBuild = (performance.now() - t0) / 1000;
log(`SQLite: ${N.docs} documents, ${info.paragraphs} paragraphs indexed in ${f1(sqliteBuild)} s`);

const cluster = args['pg-url'] ? null : await startCluster();
const serverUrl = args['pg-url'] ?? (cluster?.url as string);
const database = 'bench_search';
if (!reuse) {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE ${database}`);
}
const url = databaseUrl(serverUrl, database);
const { db, pool } = connectPostgres(url, { maxConnections: 4 });
let provider: SearchProvider | null = null;
try {
  await migratePostgres(db);
  t0 = performance.now();
  if (!reuse) await copyFromSqlite(sqlite, pool);
  const copySeconds = (performance.now() - t0) / 1000;
  log(`PostgreSQL: rows copied, paragraph vectors by trigger, in ${f1(copySeconds)} s`);
  t0 = performance.now();
  if (!reuse) {
    await reindexPostgres(pool, { onProgress: (d, t) => d % 1000 === 0 && log(`  entity index ${d}/${t}`) });
    await pool.query('VACUUM ANALYZE');
  }
  const pgIndexSeconds = (performance.now() - t0) / 1000;
  log(`PostgreSQL: entity index + VACUUM ANALYZE in ${f1(pgIndexSeconds)} s`);
  const { rows: sizes } = await pool.query<{ part: string; mb: string }>(
    `SELECT part, round(sum(bytes) / 1048576.0, 1)::text AS mb FROM (
       SELECT 'search_entities (with TOAST)' AS part, pg_total_relation_size('search_entities') - coalesce((SELECT sum(pg_relation_size(i.indexrelid)) FROM pg_index i WHERE i.indrelid = 'search_entities'::regclass), 0) AS bytes
       UNION ALL SELECT 'search_entities GIN + btree', (SELECT sum(pg_relation_size(i.indexrelid)) FROM pg_index i WHERE i.indrelid = 'search_entities'::regclass)
       UNION ALL SELECT 'paragraphs GIN', pg_relation_size('paragraphs_tsv')
       UNION ALL SELECT 'paragraphs (with TOAST, tsv column)', pg_table_size('paragraphs')) x GROUP BY part ORDER BY part`,
  );
  const { rows: versionRows } = await pool.query<{ v: string }>(
    `SELECT current_setting('server_version') AS v`,
  );
  // Where PostgreSQL's time goes: per statement shape (its first words), summed over the timed queries.
  const spent = new Map<string, { ms: number; n: number }>();
  let tracing = false;
  provider = createPostgresSearchProvider({
    pool,
    timeoutMs: 60_000,
    onStatement: (text, ms) => {
      if (!tracing) return;
      const key = text.replace(/\s+/g, ' ').slice(0, 70);
      const e = spent.get(key) ?? { ms: 0, n: 0 };
      e.ms += ms;
      e.n++;
      spent.set(key, e);
    },
  });
  const pgProvider = provider;

  const classes = queryClasses(info, N.queries, 7);
  const rows: string[] = [];
  let worst = { p95: 0, name: '' };
  let mismatches = 0;
  let compared = 0;
  const mismatchExamples: string[] = [];
  for (const c of classes) {
    const lite: number[] = [];
    const pgTimes: number[] = [];
    const totals: [number, number][] = [];
    for (const [i, b] of c.queries.entries()) {
      const params = toParams(b);
      let t = performance.now();
      const a = search(sqlite, params);
      const ta = performance.now() - t;
      t = performance.now();
      tracing = i >= 20;
      const p = await pgProvider.search(params);
      tracing = false;
      const tp = performance.now() - t;
      if (i < 20) continue;
      lite.push(ta);
      pgTimes.push(tp);
      totals.push([a.total, p.total]);
    }
    const s = stats(lite);
    const p = stats(pgTimes);
    const diff = totals.filter(([x, y]) => x !== y);
    compared += totals.length;
    mismatches += diff.length;
    if (diff.length && mismatchExamples.length < 5)
      mismatchExamples.push(
        `${c.name}: ${diff.length} of ${totals.length} (e.g. SQLite ${diff[0]![0]}, PostgreSQL ${diff[0]![1]})`,
      );
    if (p.p95 > worst.p95) worst = { p95: p.p95, name: c.name };
    const hits = stats(totals.map(([x]) => x));
    rows.push(
      `| ${c.name} | ${f1(s.median)} | ${f1(s.p95)} | ${f1(p.median)} | **${f1(p.p95)}** | ${hits.median} / ${hits.p95} | ${diff.length ? `**${diff.length} differ**` : 'all equal'} | ${p.p95 <= 100 ? 'yes' : '**no**'} |`,
    );
    if (process.env.CP_TRACE)
      for (const [k, v] of [...spent].sort((x, y) => y[1].ms - x[1].ms).slice(0, 6))
        log(`    ${f1(v.ms / totals.length)} ms/query  ${k}`);
    spent.clear();
    log(
      `${c.name}: SQLite ${f1(s.median)}/${f1(s.p95)} ms, PostgreSQL ${f1(p.median)}/${f1(p.p95)} ms, ${diff.length} totals differ`,
    );
  }

  const anon = { canSeeUnpublished: false };
  const editor = { canSeeUnpublished: true };
  const acQueries: BenchQuery[] = info.vocab.slice(0, 220).map((w, i) => ({ q: w.slice(0, 2 + (i % 4)) }));
  const wfQueries = info.vocab
    .slice(0, 220)
    .map((w, i) => ({ q: w, fileId: info.fileIds[(i * 37) % info.fileIds.length]! }));
  const timeBoth = async <Q>(qs: Q[], a: (q: Q) => unknown, b: (q: Q) => Promise<unknown>) => {
    const x: number[] = [];
    const y: number[] = [];
    for (const [i, q] of qs.entries()) {
      let t = performance.now();
      a(q);
      const ta = performance.now() - t;
      t = performance.now();
      await b(q);
      if (i >= 20) {
        x.push(ta);
        y.push(performance.now() - t);
      }
    }
    return [stats(x), stats(y)] as const;
  };
  const [acS, acP] = await timeBoth(
    acQueries,
    (b) => autocompleteTitles(sqlite, { q: b.q, limit: 10, viewer: anon }),
    (b) => pgProvider.autocompleteTitles({ q: b.q, limit: 10, viewer: anon }),
  );
  const [wfS, wfP] = await timeBoth(
    wfQueries,
    (b) => searchWithinFile(sqlite, { fileId: b.fileId, q: b.q, viewer: editor }),
    (b) => pgProvider.searchWithinFile({ fileId: b.fileId, q: b.q, viewer: editor }),
  );
  log(`autocomplete SQLite ${f1(acS.median)}/${f1(acS.p95)}, PostgreSQL ${f1(acP.median)}/${f1(acP.p95)} ms`);
  log(`within file SQLite ${f1(wfS.median)}/${f1(wfS.p95)}, PostgreSQL ${f1(wfP.median)}/${f1(wfP.p95)} ms`);

  const cpu = cpus();
  const md = `# PostgreSQL search beside SQLite FTS5

Generated ${new Date().toISOString()} by \`npx tsx bench/search/postgres.ts\` (seeded: bench/search's corpus and queries).

**Machine:** ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, PostgreSQL ${versionRows[0]?.v} (${args['pg-url'] ? 'a running server given by --pg-url' : 'throw-away cluster of test/postgres/cluster.ts: shared_buffers 64 MB, fsync off'}), both engines on the same machine in the same run, queries alternating between them. Load average (1/5/15 min) at start ${loadBefore}, at end ${load()}: the 2 cores are shared with other work.

**Corpus:** ${N.docs} documents, ${info.paragraphs} paragraphs (bench/search/corpus.ts)${info.hostile ? `, plus one document whose text is one ${(info.hostile.chars / 1e6).toFixed(1)} MB paragraph` : ''}. Build${reuse ? ' (reused from an earlier run with --keep: times below are 0)' : ''}: SQLite rows + indexes ${f1(sqliteBuild)} s; PostgreSQL copy (paragraph vectors by trigger) ${f1(copySeconds)} s, entity index + VACUUM ANALYZE ${f1(pgIndexSeconds)} s. PostgreSQL sizes (MB): ${sizes.map((s) => `${s.part} ${s.mb}`).join(', ')}.

## Query latency, ms (anonymous reader, first page of 20 with ≤3 snippets each, cards, exact total, all facets)

${N.queries} timed queries per class after 20 warm-up, each run on SQLite (in process, as bench/search/run.ts) then on PostgreSQL (the provider over a pg pool, one read-only transaction per search). "Totals" compares the number of matching entities of every timed query between the engines.

| class | SQLite median | SQLite p95 | PostgreSQL median | PostgreSQL p95 | matching entities (median / p95) | totals | PostgreSQL p95 ≤ 100 ms |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Title autocomplete (2–5 letters): SQLite ${f1(acS.median)} / ${f1(acS.p95)} ms, PostgreSQL ${f1(acP.median)} / ${f1(acP.p95)} ms (median / p95).
Search within one file (one word): SQLite ${f1(wfS.median)} / ${f1(wfS.p95)} ms, PostgreSQL ${f1(wfP.median)} / ${f1(wfP.p95)} ms.

Worst PostgreSQL class p95: ${f1(worst.p95)} ms (${worst.name}); target ≤ 100 ms. Totals differing: ${mismatches} of ${compared} queries${mismatchExamples.length ? ` (${mismatchExamples.join('; ')})` : ''}.
`;
  mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../.out/search-postgres.md', import.meta.url), md);
  log('wrote bench/.out/search-postgres.md');
} finally {
  await provider?.close();
  await db.destroy();
  await cluster?.stop();
  await handle.db.destroy();
  if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
}
