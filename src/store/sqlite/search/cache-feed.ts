import type Database from 'better-sqlite3';
import { parseQuery, type QueryAst } from '../../../domain/query-language/index.ts';
import { prefixForm, queryLanguages, segmentCjkClauses } from '../../../domain/text-analysis/index.ts';
import type { Doc } from '../../../search/doc-cache.ts';
import type { SearchParams } from '../../../search/search.ts';
import {
  bitsOf,
  type Revalidation,
  type TrackedSearch,
  type WriteChange,
  type WritePoint,
} from '../../../search/write-effects.ts';
import { docCache } from './doc-cache.ts';
import { ftsString } from './fts5-query.ts';
import { compile, exactPrefix, matchEntities } from './match.ts';
import { ENTITY_TEXT_COLUMNS, lastChange } from './queries.ts';
import { ENTITY_BM25 } from './ranking.ts';
import { search } from './search.ts';
import { cached } from './statements.ts';
import { CHUNK, OVERFLOW } from './top-holders.ts';
import {
  bm25OfForms,
  type IndexStats,
  indexTotals,
  listKey,
  queryForms,
  rowSizes,
  rowsHolding,
  topList,
} from './top-term-scores.ts';
import { wordHolders } from './word-holders.ts';

/*
 * The FTS5 engine's side of the result cache's write following (docs/ARCHITECTURE.md, decision 69). It
 * reads the seam the reader caches follow writes by (decisions 41 and 66): `search_changes`, the docids
 * of search_entities rows written, now with whether their keys moved, and `search_state.catalog` for the
 * labels no entity names. Exact by construction: "did this entity match" is asked of FTS5 itself, with the
 * same MATCH the search runs, bounded to the entity's rowid (~0.02 ms at 200k paragraphs); what matched
 * before the write is the bit set recorded with the answer, in the search's own snapshot.
 */

/** More changed entities than this since an answer (an import, a bulk edit, a reindex): it is dropped. */
export const BULK_CHANGES = 64;

const state = (sqlite: Database.Database, key: string) =>
  (cached(sqlite, `SELECT value FROM search_state WHERE key = ?`, 'pluck').get(key) as number | undefined) ??
  0;

const pointOf = (sqlite: Database.Database): WritePoint => ({
  generation: state(sqlite, 'generation'),
  seq: lastChange(sqlite),
  catalog: state(sqlite, 'catalog'),
});

const queryOf = (params: SearchParams) => ({
  ast: segmentCjkClauses(parseQuery(params.q ?? '').ast),
  languages: queryLanguages(params.filters),
});

/**
 * The docids that may have counted in an answer, as a bit set; null without words. The search's own
 * universe (every entity in its total or a facet's count, found anyway), or for a frequent word its kept
 * holders (decision 66: the word's matches, visibility and filters aside); failing both, its matches.
 */
function matchedBits(
  sqlite: Database.Database,
  ast: QueryAst,
  languages: string[] | undefined,
  counted: Doc[] | null | undefined,
) {
  if (!ast.must.length) return null;
  if (counted) return bitsOf(counted.map((m) => m.docid));
  const cache = docCache(sqlite);
  const forms = languages ? null : queryForms(ast);
  // A listed word's holders come from the writer's values on disk (decision 68), not a second MATCH.
  if (forms && topList(sqlite, listKey(forms))) {
    const ids: number[] = [];
    wordHolders(sqlite, forms, cache).each((m) => ids.push(m.docid));
    return bitsOf(ids);
  }
  const { matched } = matchEntities(sqlite, {
    ast,
    docs: cache.docs,
    visibility: [],
    filters: [],
    scored: false,
    universe: false,
    from: null,
    to: null,
    languages,
  });
  return bitsOf(matched.map((r) => r.meta.docid));
}

/** A search, the point it saw and what may have counted in it, in one snapshot. */
export function trackedSearch(sqlite: Database.Database, params: SearchParams): TrackedSearch {
  return sqlite.transaction(() => {
    let counted: Doc[] | null | undefined;
    const result = search(sqlite, params, (c) => {
      counted = c;
    });
    const { ast, languages } = queryOf(params);
    return { result, at: pointOf(sqlite), matched: matchedBits(sqlite, ast, languages, counted) };
  })();
}

/** Whether one entity's text matches the words now: matchEntities' rule, bounded to its rowid. */
function matchesText(
  sqlite: Database.Database,
  ast: QueryAst,
  languages: string[] | undefined,
  docid: number,
) {
  // As a BigInt: better-sqlite3 binds a number as REAL, and FTS5 ignores a rowid bound that is not an
  // INTEGER (fts5GetRowidLimit) while telling SQLite it applied it: the MATCH would answer for every row.
  const rowid = BigInt(docid);
  const entity = (match: string) =>
    cached(
      sqlite,
      `SELECT 1 FROM search_entities_fts WHERE search_entities_fts MATCH ? AND rowid = ?`,
      'pluck',
    ).get(match, rowid) !== undefined;
  const written = (prefix: string) =>
    cached(
      sqlite,
      `SELECT 1 FROM search_words_fts WHERE search_words_fts MATCH ? AND rowid = ?`,
      'pluck',
    ).get(`${ftsString(prefixForm(prefix))} *`, docid) !== undefined;
  const rest: QueryAst = { must: ast.must.filter((c) => !c.any.some(exactPrefix)), not: [] };
  rest.not = ast.not.filter((t) => !exactPrefix(t));
  if (!entity(compile(rest, [], ENTITY_TEXT_COLUMNS, languages))) return false;
  for (const c of ast.must.filter((c) => c.any.some(exactPrefix)))
    if (
      !c.any.some((t) =>
        exactPrefix(t)
          ? written(t.text)
          : entity(compile({ must: [{ any: [t] }], not: [] }, [], ENTITY_TEXT_COLUMNS, languages)),
      )
    )
      return false;
  return !ast.not.filter(exactPrefix).some((t) => written(t.text));
}

/**
 * The relevance an entity scores now, where the search ranks by one bm25 list and nothing else: one clause
 * (no phrase bonus, which two or more words add), no written prefix (scored apart). FTS5's bm25 of the
 * MATCH bound to its rowid, over the collection's statistics as they are; the tag phrases weigh nothing.
 * Null otherwise, or when it does not match.
 */
function scoreNow(sqlite: Database.Database, ast: QueryAst, languages: string[] | undefined, docid: number) {
  if (ast.must.length !== 1 || ast.must[0]!.any.some(exactPrefix) || ast.not.some(exactPrefix)) return null;
  const stored = languages ? undefined : storedScore(sqlite, ast, docid);
  if (stored !== undefined) return stored;
  const bm25 = cached(
    sqlite,
    `SELECT ${ENTITY_BM25} FROM search_entities_fts WHERE search_entities_fts MATCH ? AND rowid = ?`,
    'pluck',
  ).get(compile(ast, [], ENTITY_TEXT_COLUMNS, languages), BigInt(docid)) as number | undefined;
  return bm25 === undefined ? null : -bm25;
}

/**
 * The statistics bm25 reads, per server connection: the index totals at the last point asked (one blob), and
 * each form's nHit as counted at some point (`seq`), reused at later points as a bound (below).
 */
type PointStats = {
  seq: number;
  totals: { nRows: number; avgdl: number };
  nHits: Map<string, { n: number; seq: number }>;
};
const pointStats = new WeakMap<Database.Database, PointStats>();
/** A form's nHit counted more changes ago than this is counted again (~1 ms for a frequent form at 1M). */
const NHIT_RECOUNT = 64;

/** For tests: how many changed entities were scored from the stored holders (not by FTS5). */
export const storedScoring = { scored: 0 };

/**
 * A listed word's bm25 for one entity, from what the writer stores (decision 68: each form's column-weighted
 * count f per docid, the row's size) and the index's statistics, as `scoreFiltered` scores — or a value no
 * lower. FTS5's bm25 first counts each form's rows over its whole doclist (nHit, 2–8 ms at 1M paragraphs),
 * which every kept answer of a frequent word paid on the server's thread after each write (decision 78).
 * Here a form's nHit is counted once and reused while fewer than NHIT_RECOUNT changes have been logged
 * since: each change moves it by at most one, and the score only grows as nHit falls (idf), so the score
 * with nHit − (changes since) is an upper bound, which is all "stays off the page" needs (a frequent word's
 * idf is at its floor either way, so there the bound is the score). Null when the entity does not hold the
 * word in its text; undefined when this cannot tell (not a listed word, a count too large to store, no
 * row): FTS5 scores it.
 */
export function storedScore(
  sqlite: Database.Database,
  ast: QueryAst,
  docid: number,
): number | null | undefined {
  const forms = queryForms(ast);
  if (!forms || !topList(sqlite, listKey(forms))) return undefined;
  const value = cached(sqlite, `SELECT counts FROM search_top_holders WHERE chunk = ? AND form = ?`, 'pluck');
  const at = (docid % CHUNK) * 2;
  const fs: number[] = [];
  for (const form of forms) {
    const counts = value.get(Math.floor(docid / CHUNK), form) as Buffer | undefined;
    const v = counts && counts.length > at ? counts.readUInt16LE(at) : 0;
    if (v === OVERFLOW) return undefined;
    fs.push(Math.max(0, v - 1));
  }
  if (!fs.some((f) => f > 0)) return null;
  const d = rowSizes(sqlite, [docid]).get(docid);
  if (d === undefined) return undefined;
  const seq = lastChange(sqlite);
  let s = pointStats.get(sqlite);
  if (!s) {
    s = { seq, totals: indexTotals(sqlite), nHits: new Map() };
    pointStats.set(sqlite, s);
  } else if (s.seq !== seq) {
    s.seq = seq;
    s.totals = indexTotals(sqlite);
  }
  if (!s.totals.nRows) return undefined;
  const live: IndexStats[] = forms.map((form) => {
    let counted = s.nHits.get(form);
    if (!counted || seq - counted.seq > NHIT_RECOUNT || seq < counted.seq) {
      counted = { n: rowsHolding(sqlite, form), seq };
      s.nHits.set(form, counted);
      if (s.nHits.size > 1024) s.nHits.delete(s.nHits.keys().next().value!);
    }
    return { ...s.totals, nHit: Math.max(0, counted.n - (seq - counted.seq)) };
  });
  storedScoring.scored++;
  return bm25OfForms(fs, d, live);
}

/** The entities changed since `since`, each with whether it matches each query now; null past a bulk write. */
export function revalidate(
  sqlite: Database.Database,
  { since, queries }: { since: WritePoint; queries: SearchParams[] },
): Revalidation {
  return sqlite.transaction((): Revalidation => {
    const at = pointOf(sqlite);
    if (at.catalog !== since.catalog) return { at, changes: null };
    if (at.seq === since.seq) return { at, changes: [] };
    const first = cached(sqlite, `SELECT min(seq) FROM search_changes`, 'pluck').get() as number | null;
    if (first === null || first > since.seq + 1) return { at, changes: null };
    const rows = cached(
      sqlite,
      `SELECT docid, max(keys) FROM search_changes WHERE seq > ? AND seq <= ? GROUP BY docid LIMIT ?`,
      'raw',
    ).all(since.seq, at.seq, BULK_CHANGES + 1) as [number, number][];
    if (rows.length > BULK_CHANGES) return { at, changes: null };
    const asked = queries.map(queryOf);
    const changes = rows.map(([docid, keys]): WriteChange => {
      const entityId = cached(sqlite, `SELECT entity_id FROM search_entities WHERE docid = ?`, 'pluck').get(
        docid,
      ) as string | undefined;
      const hits = asked.map(
        ({ ast, languages }) =>
          !!entityId && ast.must.length > 0 && matchesText(sqlite, ast, languages, docid),
      );
      return {
        docid,
        entityId: entityId ?? null,
        keys: keys === 1,
        hits,
        scores: asked.map(({ ast, languages }, i) =>
          hits[i] ? scoreNow(sqlite, ast, languages, docid) : null,
        ),
      };
    });
    return { at, changes };
  })();
}
