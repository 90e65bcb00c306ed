/**
 * CJK strategy measurement: `npx tsx bench/search/cjk.ts`. Indexes the same generated Chinese text
 * (Zipf over 3,000 common-range ideographs, 2,000 paragraphs of 200 characters) two ways: a trigram
 * FTS5 table, and unicode61 over text with every ideograph spaced out (what the portal does), then
 * compares size, build time, query time and hits for 1-, 2- and 4-character queries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { splitCjk } from '../../src/domain/query-language/index.ts';
import { mulberry32, zipf } from './corpus.ts';

const rand = mulberry32(99);
const rank = zipf(3000, rand);
const chars = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000)));
const texts = Array.from({ length: 2000 }, () => Array.from({ length: 200 }, () => chars[rank()]).join(''));
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE tri USING fts5(t, tokenize = 'trigram');
         CREATE VIRTUAL TABLE split USING fts5(t, tokenize = 'unicode61 remove_diacritics 2');`);
const build = (table: string, transform: (s: string) => string) => {
  const t0 = performance.now();
  const ins = db.prepare(`INSERT INTO ${table} (t) VALUES (?)`);
  db.transaction(() => {
    for (const t of texts) ins.run(transform(t));
  })();
  return performance.now() - t0;
};
const triMs = build('tri', (s) => s);
const splitMs = build('split', splitCjk);
const size = (table: string) =>
  (db.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name = '${table}_data'`).pluck().get() as number) / 1024;
const rows: string[] = [];
for (const len of [1, 2, 4]) {
  const queries = Array.from({ length: 100 }, () => {
    const t = texts[Math.floor(rand() * texts.length)]!;
    const at = Math.floor(rand() * (t.length - len));
    return t.slice(at, at + len);
  });
  const run = (table: string, q: (s: string) => string) => {
    const stmt = db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck();
    let hits = 0;
    const t0 = performance.now();
    for (const s of queries) hits += stmt.get(q(s)) as number;
    return { ms: (performance.now() - t0) / queries.length, hits: hits / queries.length };
  };
  const tri = run('tri', (s) => `"${s}"`);
  const split = run('split', (s) => `"${splitCjk(s)}"`);
  const like = db.prepare(`SELECT count(*) FROM tri WHERE t LIKE ?`).pluck();
  const truth = queries.reduce((n, s) => n + (like.get(`%${s}%`) as number), 0) / queries.length;
  rows.push(
    `| ${len} | ${truth.toFixed(1)} | ${tri.hits.toFixed(1)} / ${tri.ms.toFixed(2)} ms | ${split.hits.toFixed(1)} / ${split.ms.toFixed(2)} ms |`,
  );
}
const md = `# CJK indexing: trigram vs one token per ideograph

2,000 paragraphs × 200 ideographs (Zipf over 3,000). Build: trigram ${triMs.toFixed(0)} ms, ${size('tri').toFixed(0)} KB;
split ideographs ${splitMs.toFixed(0)} ms, ${size('split').toFixed(0)} KB.

| query length | true substring hits (LIKE) | trigram MATCH hits / time | split-ideograph phrase hits / time |
|---|---|---|---|
${rows.join('\n')}
`;
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/search-cjk.md', import.meta.url), md);
console.log(md);
