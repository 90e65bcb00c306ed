/**
 * The first query of each frequent word on a reader connection, against the same word asked again (issue
 * 16: the p95 of "frequent term" is set by first queries): `npx tsx bench/search/first-query.ts --before
 * <checkout> --paragraphs 1000000 [--words 90]`. Each checkout on its own copy of the stored corpus (this
 * one's opened once, so a migration and its rebuild of the lists run first, timed), a fresh read-only
 * connection each, the words of ranks 10.. asked once each, then again; wall and CPU ms (CPU time is less
 * moved by other processes on a shared machine). Writes bench/.out/first-query.md.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { SearchParams } from '../../src/search/search.ts';
import { applyPragmas, openDatabase } from '../../src/store/sqlite/open-database.ts';
import { copyOf, corpus } from '../http/corpora.ts';
import { fmt, pct } from '../http-load.ts';
import { toParams } from './queries.ts';

const { values: args } = parseArgs({
  options: {
    before: { type: 'string' },
    paragraphs: { type: 'string', default: '1000000' },
    words: { type: 'string', default: '90' },
  },
});
if (!args.before) throw new Error('--before <checkout of the code to compare with> is required');
const trees = { before: resolve(args.before), after: resolve(import.meta.dirname, '..', '..') };
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
type Search = (db: Database.Database, p: SearchParams) => unknown;
const searchOf = async (tree: string) => {
  const path = ['src/store/sqlite/search/search.ts', 'src/search/search.ts'].find((p) =>
    existsSync(join(tree, p)),
  )!;
  return (await import(join(tree, path))).search as Search;
};

const loadStart = load();
const sections: string[] = [];
for (const n of args.paragraphs.split(',').map(Number)) {
  const c = await corpus(n);
  const dirs = { before: copyOf(c), after: copyOf(c) };
  const t0 = performance.now();
  const h = await openDatabase(dirs.after);
  await h.db.destroy();
  const opened = ((performance.now() - t0) / 1000).toFixed(1);
  const words = c.info.vocab.slice(10, 10 + Number(args.words));
  const rows: string[] = [];
  for (const t of ['before', 'after'] as const) {
    const search = await searchOf(trees[t]);
    const db = new Database(join(dirs[t], 'cyberportal.sqlite'), { readonly: true, fileMustExist: true });
    applyPragmas(db, { readonly: true });
    search(db, toParams({ q: c.info.vocab[5]! })); // the connection's key cache, JIT
    const ms = {
      first: [] as number[],
      again: [] as number[],
      firstCpu: [] as number[],
      againCpu: [] as number[],
    };
    for (const pass of ['first', 'again'] as const)
      for (const w of words) {
        const cpu = process.cpuUsage();
        const w0 = performance.now();
        search(db, toParams({ q: w }));
        ms[pass].push(performance.now() - w0);
        const used = process.cpuUsage(cpu);
        ms[`${pass}Cpu`].push((used.user + used.system) / 1000);
      }
    db.close();
    const cell = (xs: number[]) => `${fmt(pct(xs, 50))} | ${fmt(pct(xs, 95))}`;
    rows.push(
      `| ${t} | ${cell(ms.first)} | ${cell(ms.firstCpu)} | ${cell(ms.again)} | ${cell(ms.againCpu)} | ${load()} |`,
    );
    console.log(rows[rows.length - 1]);
  }
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  sections.push(`### ${n.toLocaleString('en')} paragraphs (this checkout's first open of the copy: ${opened} s)

| checkout | first query: wall median | p95 | CPU median | p95 | asked again: wall median | p95 | CPU median | p95 | load after |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
}
const md = `# The first query of a frequent word

Generated ${new Date().toISOString()} by \`npx tsx bench/search/first-query.ts --before ${args.before} --paragraphs ${args.paragraphs} --words ${args.words}\`.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average at start ${loadStart}, at end ${load()}.

${sections.join('\n')}`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/first-query.md', import.meta.url), md);
console.log(md);
