import type Database from 'better-sqlite3';
import type { QueryAst } from '../../../domain/query-language/index.ts';
import { type Ranked, topAfter } from '../../../search/cursor.ts';
import type { Doc, DocCache } from '../../../search/doc-cache.ts';
import { type ActiveFilter, countKeys, type KeyCounts, passesAll } from '../../../search/facets.ts';
import { compileMatch } from './fts5-query.ts';
import { ENTITY_TEXT_COLUMNS, lastChange, matchIds, rankEntities } from './queries.ts';
import { span } from './spans.ts';
import { TAG_ALL } from './tag-tokens.ts';
import { formValues, OVERFLOW } from './top-holders.ts';
import {
  bm25OfForms,
  type IndexStats,
  idfOf,
  indexTotals,
  queryForms,
  rowSizes,
  type TopScores,
  topTermScores,
} from './top-term-scores.ts';
import { type WordHolders, wordHolders } from './word-holders.ts';

/** A first (or later) page of a listed word with its exact total and facet key counts. */
export type FrequentPage = { total: number; counts: KeyCounts | null; top: Ranked[]; following: number };

export type FrequentQuery = {
  ast: QueryAst;
  cache: DocCache;
  template: string | undefined;
  publishedOnly: boolean;
  filters: ActiveFilter[];
  /** The visibility tag expressions (template, published only), for scoring the filtered match. */
  visibility: string[];
  /** Year range on the main date (4-digit strings) or null. */
  from: string | null;
  to: string | null;
  cmp: (a: Ranked, b: Ranked) => number;
  after: Ranked | null;
  limit: number;
  wantFacets: boolean;
};

/**
 * Whether enough listed entities above the bound pass the query's visibility, filters and year range (on
 * the cached keys) to make a page after the cursor: with selective filters few do, and the whole match is
 * scored straight away instead of after a wasted pass.
 */
function listCanFill(
  top: TopScores,
  q: FrequentQuery,
  eligible: (m: Doc) => boolean,
  holders: WordHolders,
): Ranked[] | null {
  const candidates: Ranked[] = [];
  let n = 0;
  for (const [docid, score] of top.scores) {
    const meta = holders.get(docid);
    if (!meta || !eligible(meta)) continue;
    const r = { meta, score };
    candidates.push(r);
    if (score > top.bound && !(q.after && q.cmp(r, q.after) <= 0)) n++;
  }
  return n >= q.limit ? candidates : null;
}

/**
 * The page of a one-word query from the word's top list, or null (no list, a deep page, filters few listed
 * entities pass: the caller scores the whole match). The page is the listed entities passing the query,
 * ranked by live bm25; it stands because every item on it scores above what any unlisted entity can
 * (`bound`), so unlisted matches all follow it. The total and facet counts come from the word's holders
 * kept per connection (word-holders.ts): without filters or years, from counts kept per visibility class
 * (nothing proportional to the matches); otherwise from the flat keys of the holders passing the other
 * filters (with years, the cached keys).
 */
export function frequentWordPage(sqlite: Database.Database, q: FrequentQuery): FrequentPage | null {
  const forms = queryForms(q.ast);
  if (!forms) return null;
  const { from, to, filters } = q;
  const visible = (m: Doc) => (!q.template || m.template === q.template) && (!q.publishedOnly || m.published);
  const inYears = (m: Doc) => {
    if (!from && !to) return true;
    const year = m.dateKey.slice(0, 4);
    return !!year && !(from && year < from) && !(to && year > to);
  };
  const eligible = (m: Doc) => visible(m) && inYears(m) && passesAll(m, filters);
  // The holders come from the writer's values on disk (top-holders.ts): cheap enough for every query,
  // filtered or not, the first time a connection meets the word as later.
  let kept: WordHolders | undefined;
  const holders = () => {
    kept ??= span('wordHolders', () => wordHolders(sqlite, forms, q.cache));
    return kept;
  };
  const admit = (docid: number) => {
    const m = q.cache.docs.get(docid);
    return !!m && eligible(m);
  };
  const top = span('topTermScores', () =>
    topTermScores(sqlite, q.ast, { admit, need: q.limit, nHits: () => holders().nHits() }),
  );
  if (!top) return null;
  const h = holders();
  const candidates = span('listCanFill', () => listCanFill(top, q, eligible, h));
  let paged = candidates && topAfter(candidates, q.cmp, q.after, q.limit);
  if (paged && !paged.top.every((r) => r.score > top.bound)) paged = null;
  if (!paged) {
    // The list cannot make this page (selective filters, a deep page): every match passing the filters
    // is scored, from the stored values when the filters leave few (scoreFiltered), else by FTS5; the
    // facets' universe still comes from the kept holders, not from more MATCHes over the doclist.
    const matched =
      span('scoreFiltered', () => scoreFiltered(sqlite, forms, q, h, inYears)) ??
      span('rankedByFts5', () => rankedByFts5(h));
    const all = topAfter(matched, q.cmp, q.after, q.limit);
    return {
      total: matched.length,
      counts: q.wantFacets ? span('holderCounts', () => holderCounts(h)).counts : null,
      ...all,
    };
  }
  let total = 0;
  let counts: KeyCounts | null = null;
  if (!filters.length && !from && !to) {
    const c = span('classCounts', () => h.classCounts(q.template, q.publishedOnly));
    total = c.total;
    if (q.wantFacets) counts = { all: c.keys, self: new Int32Array(0) };
  } else ({ total, counts } = span('holderCounts', () => holderCounts(h)));
  // Unlisted matches all rank below the page, hence after the cursor too.
  return { total, counts, top: paged.top, following: paged.following + (total - candidates!.length) };

  /** The word's matches passing the filters, scored by FTS5 (which reads the word's whole doclist). */
  function rankedByFts5(h: WordHolders): Ranked[] {
    const match = compileMatch(q.ast, {
      columns: ENTITY_TEXT_COLUMNS,
      filters: [...q.visibility, ...filters.map((f) => f.expr)],
      base: `tags : "${TAG_ALL}"`,
    });
    const matched: Ranked[] = [];
    for (const [docid, bm25] of rankEntities(sqlite, match)) {
      const m = h.get(docid);
      if (m && inYears(m)) matched.push({ meta: m, score: -bm25 });
    }
    return matched;
  }

  /**
   * Total and facet key counts of a filtered query (or one with years). The universe (countKeys) is the
   * holders passing every filter but at most one OR filter: per OR filter, the entities passing the
   * others are found by their tags alone (a docid-only MATCH led by the filters' short doclists, never
   * the word's) and kept if they hold the word. With no other filter to lead (one OR filter, years
   * only) that is every visible holder: one pass over the kept holders' keys.
   */
  function holderCounts(h: WordHolders): { total: number; counts: KeyCounts | null } {
    const ors = filters.filter((f) => f.op === 'or');
    const groups = ors.length ? ors.map((own) => filters.filter((f) => f !== own)) : [filters];
    const led = groups.every((g) => g.length > 0);
    if (!from && !to) {
      // The holders passing the other filters' tags (or every holder), counted over the flat keys.
      const docids = led ? union(groups.map((g) => passingIds(sqlite, groupExpr(g)))) : null;
      const { total, counts } = h.countFiltered(docids, q, filters);
      return { total, counts: q.wantFacets ? counts : null };
    }
    const universe: Doc[] = [];
    if (led)
      for (const docid of union(groups.map((g) => passingIds(sqlite, groupExpr(g))))) {
        const m = h.get(docid);
        if (m && inYears(m)) universe.push(m);
      }
    else
      h.each((m) => {
        if (visible(m) && inYears(m)) universe.push(m);
      });
    let n = 0;
    for (const m of universe) if (passesAll(m, filters)) n++;
    return { total: n, counts: q.wantFacets ? countKeys(universe, filters, q.cache.keys) : null };
  }

  /** The entities passing some filters (and the query's visibility), by their tags alone. */
  function groupExpr(g: ActiveFilter[]): string {
    return [`tags : "${TAG_ALL}"`, ...q.visibility, ...g.map((f) => f.expr)].join(' AND ');
  }
}

/**
 * Docids of the entities whose tags pass a filter expression (a docid-only MATCH), kept per connection
 * until the next write (decision 79): a frequent word's filtered facets need, per OR filter, the entities
 * passing the others — at 1M paragraphs one "document type" passes ~8,000 — and the same few filters come
 * back for every word; the MATCH was ~2/3 of the count's cost. The lists are shared: read only.
 */
function passingIds(sqlite: Database.Database, expr: string): number[] {
  const seq = lastChange(sqlite);
  let kept = keptPassing.get(sqlite);
  if (!kept || kept.seq !== seq) {
    kept = { seq, ids: new Map() };
    keptPassing.set(sqlite, kept);
  }
  let ids = kept.ids.get(expr);
  kept.ids.delete(expr);
  ids ??= matchIds(sqlite, expr);
  kept.ids.set(expr, ids);
  if (kept.ids.size > MAX_PASSING) kept.ids.delete(kept.ids.keys().next().value!);
  return ids;
}
const MAX_PASSING = 32;
const keptPassing = new WeakMap<Database.Database, { seq: number; ids: Map<string, number[]> }>();

/** Docids in any of some lists, once each (a byte per docid: a Set of thousands cost more than the MATCHes). */
function union(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0]!;
  let seen = new Uint8Array(1 << 15);
  const out: number[] = [];
  for (const list of lists)
    for (const docid of list) {
      if (docid >= seen.length) {
        const grown = new Uint8Array(Math.max(docid + 1, seen.length * 2));
        grown.set(seen);
        seen = grown;
      }
      if (seen[docid]) continue;
      seen[docid] = 1;
      out.push(docid);
    }
  return out;
}

/** For tests: how many filtered matches were scored from the stored values (not by FTS5). */
export const scoredFromStore = { pages: 0 };

/** Above this many entities passing the filters, FTS5 scores the match (reading each row's size costs more). */
const STORED_SCORING_MAX = 5000;

/**
 * The word's matches passing the query's filters with their bm25 as FTS5 computes it, from the stored
 * values (each form's f, top-holders.ts), the rows' sizes and the live statistics, or null (no filter, too
 * many pass, a count too large to store): FTS5's bm25 first counts each form's rows over the whole
 * doclist (its nHit), which made a filtered frequent word as slow as an unfiltered one. The entities
 * passing are found by their tags alone (a docid-only MATCH led by the filters' short doclists).
 */
export function scoreFiltered(
  sqlite: Database.Database,
  forms: string[],
  q: FrequentQuery,
  h: WordHolders,
  inYears: (m: Doc) => boolean,
): Ranked[] | null {
  if (!q.filters.length) return null;
  const expr = [`tags : "${TAG_ALL}"`, ...q.visibility, ...q.filters.map((f) => f.expr)].join(' AND ');
  const passing: Doc[] = [];
  for (const docid of passingIds(sqlite, expr)) {
    const m = h.get(docid);
    if (m && inYears(m)) passing.push(m);
    if (passing.length > STORED_SCORING_MAX) return null;
  }
  const values = forms.map((form) => formValues(sqlite, form));
  const sizes = rowSizes(
    sqlite,
    passing.map((m) => m.docid),
  );
  const totals = indexTotals(sqlite);
  const nHits = h.nHits();
  const live: IndexStats[] = forms.map((_, i) => ({ ...totals, nHit: nHits[i]! }));
  const idfs = live.map(idfOf);
  const matched: Ranked[] = [];
  for (const m of passing) {
    const fs = values.map((v) => Math.max(0, (v[m.docid] ?? 0) - 1));
    const d = sizes.get(m.docid);
    if (d === undefined || fs.some((f) => f >= OVERFLOW - 1)) return null;
    matched.push({ meta: m, score: bm25OfForms(fs, d, live, idfs) });
  }
  scoredFromStore.pages++;
  return matched;
}
