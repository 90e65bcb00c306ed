import type Database from 'better-sqlite3';
import { parseQuery } from '../../src/domain/query-language/index.ts';
import type { SearchParams } from '../../src/search/search.ts';
import { compileMatch } from '../../src/store/sqlite/search/fts5-query.ts';
import { type CorpusInfo, mulberry32 } from './corpus.ts';

export type BenchQuery = { q: string; filters?: { documentType: string; state: string } };
export type QueryClass = { name: string; queries: BenchQuery[] };

/**
 * 200 timed queries (+20 warm-up) per class, as research/tech.md: ranks drawn log-uniform, phrases taken
 * from real paragraphs, filters taken from real documents (so filtered queries can match).
 */
export function queryClasses(info: CorpusInfo, perClass: number, seed: number): QueryClass[] {
  const rand = mulberry32(seed);
  const logUniform = (lo: number, hi: number) =>
    Math.floor(Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo))));
  const w = (lo: number, hi: number) => info.vocab[logUniform(lo, hi)]!;
  const filter = () => info.docFacets[Math.floor(rand() * info.docFacets.length)]!;
  const n = perClass + 20;
  const base: [string, () => string][] = [
    ['frequent term', () => w(10, 100)],
    ['rare term', () => w(1000, 10_000)],
    ['two terms', () => `${w(10, 10_000)} ${w(10, 10_000)}`],
    ['phrase', () => `"${info.phrases[Math.floor(rand() * info.phrases.length)]}"`],
    ['prefix', () => `${w(10, 2000).slice(0, 3 + Math.floor(rand() * 2))}*`],
  ];
  const out: QueryClass[] = [];
  for (const [name, make] of base) {
    out.push({ name, queries: Array.from({ length: n }, () => ({ q: make() })) });
    out.push({
      name: `${name} + 2 filters`,
      queries: Array.from({ length: n }, () => ({ q: make(), filters: filter() })),
    });
  }
  const hostile = info.hostile;
  if (hostile) {
    // The marker is in the hostile document's title only: the words are then looked for (and snippets
    // built) in its one huge paragraph.
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const hostileClasses: [string, () => string][] = [
      ['2 MB paragraph: frequent term', () => `${hostile.marker} ${w(10, 100)}`],
      ['2 MB paragraph: rare term', () => `${hostile.marker} ${w(1000, 10_000)}`],
      ['2 MB paragraph: phrase', () => `${hostile.marker} "${pick(hostile.phrases)}"`],
      [
        '2 MB paragraph: prefix',
        () => `${hostile.marker} ${w(10, 2000).slice(0, 3 + Math.floor(rand() * 2))}*`,
      ],
    ];
    for (const [name, make] of hostileClasses)
      out.push({ name, queries: Array.from({ length: n }, () => ({ q: make() })) });
  }
  return out;
}

/** The project's search call for a bench query (anonymous reader, first page, facets and snippets). */
export const toParams = (b: BenchQuery): SearchParams => ({
  q: b.q,
  template: 'Document',
  filters: b.filters
    ? {
        documentType: { values: [b.filters.documentType], op: 'or' },
        state: { values: [b.filters.state], op: 'or' },
      }
    : {},
  viewer: { canSeeUnpublished: false },
  sort: 'relevance',
  limit: 20,
});

/**
 * The baseline: a straightforward FTS5 query over paragraphs joined to the entity table with btree and
 * JSON filters, grouped by entity, ranked by the best paragraph, plus total and one facet count
 * (documentType) from the same rows. No tags column, no entity-level index.
 */
export function baselineRunner(sqlite: Database.Database) {
  const sqlFor = (filtered: boolean) =>
    sqlite
      .prepare(
        `SELECT fi.entity_id AS id, min(f.rank) AS r, json_extract(e.metadata, '$.documentType') AS dt
         FROM search_paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid
         JOIN files fi ON fi.id = p.file_id JOIN entities e ON e.id = fi.entity_id
         WHERE search_paragraphs_fts MATCH ? AND e.published = 1
         ${filtered ? `AND json_extract(e.metadata, '$.documentType') = ? AND EXISTS (SELECT 1 FROM entity_links l WHERE l.from_id = e.id AND l.property = 'state' AND l.to_id = ?)` : ''}
         GROUP BY fi.entity_id`,
      )
      .raw();
  const plain = sqlFor(false);
  const filtered = sqlFor(true);
  return (b: BenchQuery) => {
    const match = compileMatch(parseQuery(b.q).ast, { columns: ['text'], base: '' });
    const rows = (
      b.filters ? filtered.all(match, b.filters.documentType, b.filters.state) : plain.all(match)
    ) as [string, number, string][];
    rows.sort((a, b2) => a[1] - b2[1]);
    const facets = new Map<string, number>();
    for (const r of rows) facets.set(r[2], (facets.get(r[2]) ?? 0) + 1);
    return { total: rows.length, top: rows.slice(0, 20), facets };
  };
}

/** Median and 95th percentile of durations in ms. */
export function stats(ms: number[]): { median: number; p95: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

/** Times `fn` over the queries after 20 warm-up calls. */
export function time(queries: BenchQuery[], fn: (b: BenchQuery) => unknown): number[] {
  for (const q of queries.slice(0, 20)) fn(q);
  return queries.slice(20).map((q) => {
    const t0 = performance.now();
    fn(q);
    return performance.now() - t0;
  });
}
