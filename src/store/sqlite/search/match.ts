import type Database from 'better-sqlite3';
import { type Clause, hasCjk, type QueryAst, type Term } from '../../../domain/query-language/index.ts';
import { prefixForm } from '../../../domain/text-analysis/index.ts';
import type { Ranked } from '../../../search/cursor.ts';
import type { Doc } from '../../../search/doc-cache.ts';
import { type ActiveFilter, passesAll } from '../../../search/facets.ts';
import { compileMatch, ftsString } from './fts5-query.ts';
import { ENTITY_TEXT_COLUMNS, entitiesWithPrefix, matchIds, rankEntities } from './queries.ts';
import { TAG_ALL } from './tag-tokens.ts';

export type MatchInput = {
  ast: QueryAst;
  docs: Map<number, Doc>;
  /** Always-applied tag expressions (template, published-only). */
  visibility: string[];
  filters: ActiveFilter[];
  /** bm25 scores wanted (relevance sort of a query with words); otherwise every score is 0. */
  scored: boolean;
  /** Facet counts wanted: also find the entities that fail only one OR filter (see countFacets). */
  universe: boolean;
  /** Year range on the main date, both 4-digit strings or null. */
  from: string | null;
  to: string | null;
  /** Languages the words are analysed in (the language facet's ticked values); all when unset. */
  languages?: string[];
};

/** `universe`: what facets are counted over (the matches, plus those failing only one OR filter). */
export type MatchOutput = { matched: Ranked[]; universe: Doc[]; hints: string[] };

/**
 * A prefix answered exactly by search_words_fts (words as written): one run of letters/digits and no
 * CJK, i.e. one token there. Anything else (`e-gov*`, CJK) keeps matching stems in the entity index.
 */
export const exactPrefix = (t: Term) =>
  t.kind === 'word' && t.prefix && /^[\p{L}\p{N}]+$/u.test(t.text) && !hasCjk(t.text);

export const compile = (
  ast: QueryAst,
  filters: string[],
  columns = ENTITY_TEXT_COLUMNS,
  languages: string[] | undefined = undefined,
) => compileMatch(ast, { columns, filters, languages, base: `tags : "${TAG_ALL}"` });

/** Where a prefix clause scores: title and metadata (see matchEntities). */
const PREFIX_SCORED_COLUMNS = ENTITY_TEXT_COLUMNS.filter((c) => c !== 'body');

/**
 * Every entity matching the words, visibility tags, facet filters and year range, with its bm25 score
 * (negated: higher is better).
 *
 * Prefixes match words as written. The entity index holds Porter stems ("cooperating" → "cooper"), so a
 * clause holding a prefix is taken out of the MATCH and checked against search_words_fts instead (a
 * docid set per prefix, no positions); prefix exclusions likewise. The clause still scores: its stemmed
 * form (`"p" * OR "p"`) is ranked separately over title and metadata and added (bm25 sums over phrases,
 * so the sum ranks like one MATCH would). Not over the full text: a 3-4 letter prefix covers dozens of
 * words and bm25 walks every occurrence of each (10 ms of a 20 ms query on the bench; the same reason
 * Lucene scores prefix queries as constants). Among entities matching only in the full text, a prefix
 * clause therefore does not reorder: they follow the other words' scores, then docid order.
 *
 * Facet filters are inside the MATCH, so bm25 scores only the (usually few) entities passing them. For
 * counts that leave an OR facet's own filter out, the entities passing all the other filters are found
 * by docid-only MATCHes and checked against the cached facet keys.
 */
export function matchEntities(sqlite: Database.Database, input: MatchInput): MatchOutput {
  const { ast, docs, visibility, filters, languages } = input;
  const hints: string[] = [];
  const prefixClauses: Clause[] = [];
  const rest: QueryAst = { must: [], not: [] };
  for (const c of ast.must) (c.any.some(exactPrefix) ? prefixClauses : rest.must).push(c);
  const prefixNots = ast.not.filter(exactPrefix);
  rest.not = ast.not.filter((t) => !exactPrefix(t));
  const filterExprs = filters.map((f) => f.expr);
  try {
    const restrict = [...visibility, ...filterExprs];
    const full = compile(rest, restrict, ENTITY_TEXT_COLUMNS, languages);
    const scoredHere = input.scored && rest.must.length > 0;
    // Counting an OR facet without its own filter needs the entities that pass every *other* filter:
    // one docid-only MATCH per OR filter, with the rest of the filters in it (FTS5 intersects with the
    // small tag doclists by seeking, so a selective filter keeps this cheap; matching the words alone
    // and filtering ~4,000 cached entities in JS was 2-3 times slower for a frequent word).
    const orFilters = input.universe ? filters.filter((f) => f.op === 'or') : [];
    const split = orFilters.length > 0;
    // bm25 lists to add up; with a single list (the common case) no score map is built.
    const ranked: [number, number][][] = [];
    let ids: number[] | null = null;
    if (split) {
      const union = new Set<number>();
      for (const own of orFilters) {
        const others = filters.filter((f) => f !== own).map((f) => f.expr);
        for (const d of matchIds(
          sqlite,
          compile(rest, [...visibility, ...others], ENTITY_TEXT_COLUMNS, languages),
        ))
          union.add(d);
      }
      ids = [...union];
    }
    if (scoredHere) ranked.push(rankEntities(sqlite, full));
    else if (!split) ids = matchIds(sqlite, full);
    const keep: Set<number>[] = [];
    for (const c of prefixClauses) {
      const set = new Set<number>();
      for (const t of c.any) {
        if (exactPrefix(t))
          for (const d of entitiesWithPrefix(sqlite, ftsString(prefixForm(t.text)))) set.add(d);
        else
          for (const d of matchIds(
            sqlite,
            compile({ must: [{ any: [t] }], not: [] }, [], ENTITY_TEXT_COLUMNS, languages),
          ))
            set.add(d);
      }
      keep.push(set);
      // Filtered like the main MATCH, but not by its words: their bm25 is already in ranked[0].
      if (input.scored)
        ranked.push(
          rankEntities(sqlite, compile({ must: [c], not: [] }, restrict, PREFIX_SCORED_COLUMNS, languages)),
        );
    }
    const drop = new Set<number>();
    for (const t of prefixNots)
      for (const d of entitiesWithPrefix(sqlite, ftsString(prefixForm(t.text)))) drop.add(d);
    const { from, to } = input;
    const accept = (docid: number): Doc | null => {
      const m = docs.get(docid);
      if (!m || drop.has(docid)) return null;
      for (const set of keep) if (!set.has(docid)) return null;
      if (from || to) {
        const year = m.dateKey.slice(0, 4);
        if (!year || (from && year < from) || (to && year > to)) return null;
      }
      return m;
    };
    const matched: Ranked[] = [];
    if (!ids && ranked.length === 1) {
      for (const [docid, bm25] of ranked[0]!) {
        const m = accept(docid);
        if (m) matched.push({ meta: m, score: -bm25 });
      }
      return { matched, universe: matched.map((r) => r.meta), hints };
    }
    const scores = new Map<number, number>();
    for (const rows of ranked)
      for (const [docid, bm25] of rows) scores.set(docid, (scores.get(docid) ?? 0) - bm25);
    // Without a docid list the main MATCH was the ranked one (ranked[0]); later lists only add scores.
    const candidates = ids ?? ranked[0]!.map((r) => r[0]);
    const universe: Doc[] = [];
    for (const docid of candidates) {
      const m = accept(docid);
      if (!m) continue;
      universe.push(m);
      if (!split || passesAll(m, filters)) matched.push({ meta: m, score: scores.get(docid) ?? 0 });
    }
    return { matched, universe, hints };
  } catch (err) {
    // Unreachable by design (user text is always quoted); if it happens, an empty page beats a 500.
    hints.push('This search could not be run; try fewer or simpler words.');
    console.warn('search: FTS5 rejected a compiled query', { error: (err as Error).message });
    return { matched: [], universe: [], hints };
  }
}
