/**
 * In-process search latency of two checkouts on the same stored corpus, in one run (issue 16 item 7):
 * `npx tsx bench/search/trees.ts --before <checkout> [--paragraphs 20000,200000] [--queries 100]`.
 * Each query of the bench's classes (queries.ts) runs on the code before and on this one, alternately,
 * each on its own copy of the corpus (this one's with its top lists built), so both see the same load.
 * Then what a write costs the next search: a curator's edit (title + index, through each checkout's
 * indexer) followed by a frequent-word search on a reader connection, against the same search with no
 * write before it. Before timing, each size gets a warm-up (every class's first 20 queries, on both
 * checkouts) and a full collection, so the top lists' rebuild and the warm-up are not collected inside
 * the timed rows. Wall and main-thread CPU per query (main-thread.ts: the process's CPU also counted
 * V8's collector threads). With several sizes, a growth table between them (the sizes run one after
 * another here: for a fair frequent-term growth, frequent-tail.ts). Writes bench/.out/search-trees.md.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SearchParams } from '../../src/search/search.ts';
import { applyPragmas, openDatabase } from '../../src/store/sqlite/open-database.ts';
import { rebuildTopTerms } from '../../src/store/sqlite/search/top-terms.ts';
import { copyOf, corpus } from '../http/corpora.ts';
import { fmt, pct } from '../http-load.ts';
import { fullGc, mainThreadCpuMs } from './main-thread.ts';
import { type QueryClass, queryClasses, toParams } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    paragraphs: { type: 'string', default: '20000,200000' },
    queries: { type: 'string', default: '100' },
    writes: { type: 'string', default: '20' },
  },
});
if (!args.before) throw new Error('--before <checkout of the code to compare with> is required');
const before = resolve(args.before);
const after = resolve(import.meta.dirname, '..', '..');
const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...a);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

type Search = (db: Database.Database, p: SearchParams) => unknown;
type IndexEntity = (a: { sqlite: Database.Database; entityId: string }) => void;
/** A module of a checkout, at the first of its paths that exists (modules moved between versions). */
const moduleOf = async (tree: string, ...paths: string[]) =>
  import(join(tree, paths.find((p) => existsSync(join(tree, p))) ?? paths[0]!));
type RebuildTopTerms = (db: Database.Database) => { terms: number };
const code = {
  before: {
    search: (await moduleOf(before, 'src/store/sqlite/search/search.ts', 'src/search/search.ts'))
      .search as Search,
    indexEntity: (await import(join(before, 'src/store/sqlite/search/indexer.ts')))
      .indexEntity as IndexEntity,
  },
  after: {
    search: (await import(join(after, 'src/store/sqlite/search/search.ts'))).search as Search,
    indexEntity: (await import(join(after, 'src/store/sqlite/search/indexer.ts'))).indexEntity as IndexEntity,
  },
};
const TREES = ['before', 'after'] as const;

const reader = (dir: string) => {
  const db = new Database(join(dir, 'cyberportal.sqlite'), { readonly: true, fileMustExist: true });
  applyPragmas(db, { readonly: true });
  return db;
};
const timed = (fn: () => unknown) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

/**
 * The before checkout's own top lists on its copy: when its lists had another shape (before migration
 * 2026113045-search-top-forms), its tables are made again by its own migration and filled by its own
 * rebuildTopTerms, so each checkout is measured with the lists it would have built. Returns how many.
 */
async function beforeTopLists(dir: string): Promise<number | string> {
  const path = (f: string) => join(before, 'src/store/sqlite', f);
  if (!existsSync(path('search/top-terms.ts'))) return 'none';
  // From decision 68 on, the lists' tables come with migrations (2026113063 adds the stored holders the
  // rebuild writes), and the first open rebuilds stale lists: the before checkout opens its copy itself.
  if (existsSync(path('migrations/2026113063-search-top-holders.ts'))) {
    const open = (await import(path('open-database.ts'))).openDatabase as typeof openDatabase;
    const h = await open(dir);
    try {
      return h.sqlite.prepare(`SELECT count(*) FROM search_top_terms`).pluck().get() as number;
    } finally {
      await h.db.destroy();
    }
  }
  const sqlite = new Database(join(dir, 'cyberportal.sqlite'));
  applyPragmas(sqlite);
  try {
    if (!existsSync(path('migrations/2026113045-search-top-forms.ts'))) {
      sqlite.exec(`DROP TRIGGER IF EXISTS search_top_docs_gone; DROP TABLE IF EXISTS search_top_docs;
        DROP TABLE IF EXISTS search_top_terms; DROP TABLE IF EXISTS search_entities_vocab;`);
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
      await (await import(path('migrations/2026113025-search-top-terms.ts'))).up(db);
    }
    const rebuild = (await import(path('search/top-terms.ts'))).rebuildTopTerms as RebuildTopTerms;
    return sqlite.transaction(() => rebuild(sqlite))().terms;
  } finally {
    sqlite.close();
  }
}

/** The first 20 queries of every class on both checkouts, alternating, then a full collection. */
function warmUp(
  classes: QueryClass[],
  run: (t: (typeof TREES)[number], q: QueryClass['queries'][0]) => void,
) {
  for (const cls of classes)
    for (const [i, q] of cls.queries.slice(0, 20).entries())
      for (const t of i % 2 ? TREES : [...TREES].reverse()) run(t, q);
  fullGc();
}

type Cells = { median: number; p95: number };
const cells = (xs: number[]): Cells => ({ median: pct(xs, 50), p95: pct(xs, 95) });
/** Per size, per class: wall before and after, main-thread CPU after (for the growth table). */
const bySize: { n: number; classes: Map<string, { before: Cells; after: Cells; cpu: Cells }> }[] = [];

const loadStart = load();
const sections: string[] = [];
for (const n of args.paragraphs.split(',').map(Number)) {
  const c = await corpus(n, log);
  const dirs = { before: copyOf(c), after: copyOf(c) };
  const h = await openDatabase(dirs.after);
  const built = h.sqlite.transaction(() => rebuildTopTerms(h.sqlite))();
  await h.db.destroy();
  const builtBefore = await beforeTopLists(dirs.before);
  log(`p${n}: top lists: before ${builtBefore}, after ${built.terms}`);
  const readers = { before: reader(dirs.before), after: reader(dirs.after) };
  const rows: string[] = [];
  const classes = queryClasses(c.info, Number(args.queries), 7);
  warmUp(classes, (t, q) => code[t].search(readers[t], toParams(q)));
  const measured = new Map<string, { before: Cells; after: Cells; cpu: Cells }>();
  bySize.push({ n, classes: measured });
  for (const cls of classes) {
    const ms = { before: [] as number[], after: [] as number[] };
    const cpu = { before: [] as number[], after: [] as number[] };
    for (const [i, q] of cls.queries.entries()) {
      if (i < 20) continue; // the warm-up ran them
      for (const t of i % 2 ? TREES : [...TREES].reverse()) {
        const c0 = mainThreadCpuMs();
        ms[t].push(timed(() => code[t].search(readers[t], toParams(q))));
        cpu[t].push(mainThreadCpuMs() - c0);
      }
    }
    measured.set(cls.name, { before: cells(ms.before), after: cells(ms.after), cpu: cells(cpu.after) });
    const cell = (xs: number[]) => `${fmt(pct(xs, 50))} | ${fmt(pct(xs, 95))}`;
    rows.push(
      `| ${cls.name} | ${cell(ms.before)} | ${cell(ms.after)} | ${cell(cpu.before)} | ${cell(cpu.after)} | ${load()} |`,
    );
    log(
      `p${n} ${cls.name}: before ${cell(ms.before)}, after ${cell(ms.after)}; CPU before ${cell(cpu.before)}, after ${cell(cpu.after)} (load ${load()})`,
    );
  }
  // A write, then the next search on a worker's connection (which must take the write in first).
  const word = c.info.vocab[20]!;
  const params = toParams({ q: word });
  const afterWrite = { before: [] as number[], after: [] as number[] };
  const noWrite = { before: [] as number[], after: [] as number[] };
  for (const t of TREES) {
    const writer = new Database(join(dirs[t], 'cyberportal.sqlite'));
    applyPragmas(writer);
    const ids = writer
      .prepare(
        `SELECT e.id FROM entities e JOIN templates t ON t.id = e.template_id WHERE t.name = 'Document'`,
      )
      .pluck()
      .all() as string[];
    code[t].search(readers[t], params);
    for (let i = 0; i < Number(args.writes); i++) {
      noWrite[t].push(timed(() => code[t].search(readers[t], params)));
      const id = ids[(i * 7919) % ids.length]!;
      writer.prepare(`UPDATE entities SET title = ? WHERE id = ?`).run(`Edited ${word} ${i}`, id);
      code[t].indexEntity({ sqlite: writer, entityId: id });
      afterWrite[t].push(timed(() => code[t].search(readers[t], params)));
    }
    writer.close();
  }
  const wcell = (xs: number[]) => `${fmt(pct(xs, 50))} | ${fmt(pct(xs, 95))}`;
  for (const t of TREES) readers[t].close();
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  sections.push(`### ${n.toLocaleString('en')} paragraphs, ${c.docs.toLocaleString('en')} documents (top lists: before ${builtBefore}, after ${built.terms})

${Number(args.queries)} timed queries per class after 20 warm-up (all classes warmed up, then a full collection), before
and after alternating; wall ms, and the main thread's CPU ms per query (user + system of the thread running
the search: less moved by other processes on a shared machine, and without V8's collector threads).

| class | before median | p95 | after median | p95 | CPU before median | p95 | CPU after median | p95 | load after |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
| frequent word, no write before it | ${wcell(noWrite.before)} | ${wcell(noWrite.after)} | | | | | ${load()} |
| frequent word, first search after a write | ${wcell(afterWrite.before)} | ${wcell(afterWrite.after)} | | | | | ${load()} |
`);
}
/** The growth of each class between consecutive sizes (larger ÷ smaller). */
function growthTable(): string {
  if (bySize.length < 2) return '';
  const x = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
  const rows: string[] = [];
  // The sizes may be given in any order (the largest first, so it meets the coldest process).
  const sorted = [...bySize].sort((p, q) => p.n - q.n);
  for (const [i, big] of sorted.entries()) {
    const small = sorted[i - 1];
    if (!small) continue;
    const sizes = `${small.n.toLocaleString('en')} → ${big.n.toLocaleString('en')}`;
    for (const [name, b] of big.classes) {
      const a = small.classes.get(name);
      if (!a) continue;
      const pair = (k: 'before' | 'after' | 'cpu') =>
        `${x(a[k].median, b[k].median)} | ${x(a[k].p95, b[k].p95)}`;
      rows.push(`| ${sizes} | ${name} | ${pair('before')} | ${pair('after')} | ${pair('cpu')} |`);
    }
  }
  return `
### Growth between sizes

Larger size ÷ smaller. The sizes ran one after another in this process: frequent-tail.ts measures the
frequent-term growth with the sizes alternating.

| sizes | class | before median | p95 | after median | p95 | CPU after median | p95 |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}

const md = `# Search in-process, two checkouts

Generated ${new Date().toISOString()} by \`npx tsx bench/search/trees.ts --before ${args.before} --paragraphs ${args.paragraphs} --queries ${args.queries}\`.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average at start ${loadStart}, at end ${load()}.

${sections.join('\n')}${growthTable()}`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/search-trees.md', import.meta.url), md);
log('wrote bench/.out/search-trees.md');
