import { parseQuery } from '../../../domain/query-language/index.ts';
import { queryLanguages, segmentCjkClauses } from '../../../domain/text-analysis/index.ts';
import type { Doc } from '../../../search/doc-cache.ts';
import type { SearchParams } from '../../../search/search.ts';
import { bitsOf, type Revalidation, type WritePoint } from '../../../search/write-effects.ts';
import type { StateRow } from './queries.ts';
import { Params, phraseCheck } from './search.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';
import { analysedLexicon, compileText } from './tsquery.ts';

/*
 * The PostgreSQL engine's side of the result cache's write following (docs/ARCHITECTURE.md, decision 69),
 * as the FTS5 engine's (src/store/sqlite/search/cache-feed.ts): `search_changes` and `search_state`'s
 * `catalog` and `changes` rows, kept by triggers in every writer's transaction, so a write through any app
 * server is followed by all of them. "Does it match now" is the search's own text predicate bounded to
 * the changed docids, in the provider's snapshot.
 */

/** More changed entities than this since an answer (an import, a bulk edit, a reindex): it is dropped. */
export const BULK_CHANGES = 64;

export function pointOf(rows: StateRow[]): WritePoint {
  const get = (key: string) => Number(rows.find((r) => r.key === key)?.value ?? 0);
  return { generation: get('generation'), seq: get('changes'), catalog: get('catalog') };
}

const queryOf = (params: SearchParams) => ({
  ast: segmentCjkClauses(parseQuery(params.q ?? '').ast),
  languages: queryLanguages(params.filters),
});

/** The record of what may have counted in an answer: its universe, or null for a query without words. */
export const matchedOf = (params: SearchParams, counted: Doc[]) =>
  queryOf(params).ast.must.length ? bitsOf(counted.map((m) => m.docid)) : null;

/** The entities changed since `since`, each with whether it matches each query now; null past a bulk write. */
export async function revalidate(
  db: SqlRunner,
  state: StateRow[],
  { since, queries }: { since: WritePoint; queries: SearchParams[] },
): Promise<Revalidation> {
  const at = pointOf(state);
  if (at.catalog !== since.catalog) return { at, changes: null };
  if (at.seq === since.seq) return { at, changes: [] };
  const [first] = await rowsOf<{ s: string | null }>(db, `SELECT min(seq) AS s FROM search_changes`);
  if (first?.s == null || Number(first.s) > since.seq + 1) return { at, changes: null };
  const rows = await rowsOf<{ docid: number; keys: boolean; entity_id: string | null }>(
    db,
    `SELECT c.docid, bool_or(c.keys) AS keys, min(e.entity_id) AS entity_id FROM search_changes c
       LEFT JOIN search_entities e ON e.docid = c.docid
     WHERE c.seq > $1 AND c.seq <= $2 GROUP BY c.docid LIMIT $3`,
    [since.seq, at.seq, BULK_CHANGES + 1],
  );
  if (rows.length > BULK_CHANGES) return { at, changes: null };
  const docids = rows.map((r) => r.docid);
  const hits: Set<number>[] = [];
  for (const params of queries) {
    const { ast, languages } = queryOf(params);
    const p = new Params();
    const text = ast.must.length
      ? compileText(ast, await analysedLexicon(languages), p.add, phraseCheck)
      : null;
    if (!text?.possible || !docids.length) {
      hits.push(new Set());
      continue;
    }
    const where = [...text.where, `docid = ANY(${p.add(docids)}::int[])`];
    const found = await rowsOf<{ docid: number }>(
      db,
      `SELECT docid FROM search_entities WHERE ${where.join(' AND ')}`,
      p.values,
    );
    hits.push(new Set(found.map((r) => r.docid)));
  }
  return {
    at,
    changes: rows.map((r) => ({
      docid: r.docid,
      entityId: r.entity_id,
      keys: r.keys,
      hits: hits.map((h) => h.has(r.docid)),
    })),
  };
}
