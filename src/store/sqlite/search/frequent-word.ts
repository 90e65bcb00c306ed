import type Database from 'better-sqlite3';
import type { QueryAst } from '../../../domain/query-language/index.ts';
import { type Ranked, topAfter } from '../../../search/cursor.ts';
import type { Doc, DocCache } from '../../../search/doc-cache.ts';
import { type ActiveFilter, countKeys, type KeyCounts, passesAll } from '../../../search/facets.ts';
import { compileMatch } from './fts5-query.ts';
import { ENTITY_TEXT_COLUMNS, matchIds, rankEntities } from './queries.ts';
import { TAG_ALL } from './tag-tokens.ts';
import { listKey, queryForms, rowsHolding, type TopScores, topTermScores } from './top-term-scores.ts';
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
 * (nothing proportional to the matches); otherwise from one pass over the holders' cached keys.
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
  // Loading a word's holders is one MATCH over its doclist, what an unfiltered query paid anyway; a
  // filtered query led by its filters' short doclists would pay more, so it uses them only when kept.
  const filtered = filters.length > 0 || !!from || !!to;
  const match = compileMatch(q.ast, {
    columns: ENTITY_TEXT_COLUMNS,
    filters: [],
    base: `tags : "${TAG_ALL}"`,
  });
  let kept: WordHolders | null | undefined;
  const holders = () => {
    if (kept === undefined) kept = wordHolders(sqlite, listKey(forms), match, q.cache, { load: !filtered });
    return kept;
  };
  const admit = (docid: number) => {
    const m = q.cache.docs.get(docid);
    return !!m && eligible(m);
  };
  const nHits = (fs: string[]) => holders()?.nHits(fs) ?? fs.map((f) => rowsHolding(sqlite, f));
  const top = topTermScores(sqlite, q.ast, { admit, need: q.limit, nHits });
  if (!top) return null;
  const h = holders();
  if (!h) return null;
  const candidates = listCanFill(top, q, eligible, h);
  let paged = candidates && topAfter(candidates, q.cmp, q.after, q.limit);
  if (paged && !paged.top.every((r) => r.score > top.bound)) paged = null;
  if (!paged) {
    // The list cannot make this page (selective filters, a deep page): score the match passing the
    // filters (FTS5 intersects the word with their tags, so with filters this is the few that pass);
    // the facets' universe still comes from the kept holders, not from more MATCHes over the doclist.
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
    const all = topAfter(matched, q.cmp, q.after, q.limit);
    return { total: matched.length, counts: q.wantFacets ? holderCounts(h).counts : null, ...all };
  }
  let total = 0;
  let counts: KeyCounts | null = null;
  if (!filters.length && !from && !to) {
    const c = h.classCounts(q.template, q.publishedOnly);
    total = c.total;
    if (q.wantFacets) counts = { all: c.keys, self: new Int32Array(0) };
  } else ({ total, counts } = holderCounts(h));
  // Unlisted matches all rank below the page, hence after the cursor too.
  return { total, counts, top: paged.top, following: paged.following + (total - candidates!.length) };

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
    const universe: Doc[] = [];
    if (groups.every((g) => g.length > 0)) {
      const seen = new Set<number>();
      for (const g of groups) {
        const expr = [`tags : "${TAG_ALL}"`, ...q.visibility, ...g.map((f) => f.expr)].join(' AND ');
        for (const docid of matchIds(sqlite, expr)) {
          if (seen.has(docid)) continue;
          seen.add(docid);
          const m = h.get(docid);
          if (m && inYears(m)) universe.push(m);
        }
      }
    } else
      h.each((m) => {
        if (visible(m) && inYears(m)) universe.push(m);
      });
    let n = 0;
    for (const m of universe) if (passesAll(m, filters)) n++;
    return { total: n, counts: q.wantFacets ? countKeys(universe, filters, q.cache.keys) : null };
  }
}
