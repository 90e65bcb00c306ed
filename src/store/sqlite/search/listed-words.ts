import type Database from 'better-sqlite3';
import type { Ranked } from '../../../search/cursor.ts';
import type { Doc } from '../../../search/doc-cache.ts';
import { type KeyCounts, passesAll } from '../../../search/facets.ts';
import type { FrequentQuery } from './frequent-word.ts';
import { formValues, OVERFLOW } from './top-holders.ts';
import {
  bm25Of,
  type IndexStats,
  idfOf,
  indexTotals,
  listKey,
  queryForms,
  topList,
} from './top-term-scores.ts';
import { keptRowSizes, type WordHolders, wordHolders } from './word-holders.ts';

/**
 * Every match of several listed words, scored, with its exact total and facet key counts; `universe` the
 * entities that may have counted (the visible ones holding every word, in the year range: a superset of
 * the facets' universe, which the result cache's record may be).
 */
export type ListedMatch = { matched: Ranked[]; total: number; counts: KeyCounts | null; universe: Doc[] };

/**
 * For tests and benches: how many queries were answered from the stored values (not by FTS5's bm25 over
 * the whole AND), and a switch to answer them all by FTS5 (the brute force the stored path is compared with).
 */
export const listedWords = { queries: 0, enabled: true };

/**
 * A query of two or more plain words, each with a top list (decision 68 keeps their holders and each row's
 * column-weighted count f on disk), scored without FTS5's bm25 over the AND (decision 76): that first
 * counts each form's rows over its whole doclist (nHit), then walks every matching row's positions, 3× the
 * docid-only MATCH and most of the query at 1M paragraphs for two frequent words. Here the matches are the
 * intersection of the words' kept holders, each scored from the stored f, its row size (kept per
 * connection) and the live statistics with the same bm25 as the lists (top-term-scores.ts: FTS5's
 * operations in its order, phrase by phrase in the MATCH's order — each word's forms, then the filters'
 * zero-weighted tags, which add 0), so the doubles are FTS5's. Totals and facets come from the flat keys
 * (word-holders.ts countFiltered). Null (the caller asks FTS5) for anything else: a word without a list, a
 * prefix, a phrase, an exclusion, CJK, a count too large to store.
 */
export function listedWordsMatch(sqlite: Database.Database, q: FrequentQuery): ListedMatch | null {
  const { ast, cache, filters, from, to } = q;
  if (!listedWords.enabled || ast.must.length < 2 || ast.not.length) return null;
  const clauses: { forms: string[]; listed: boolean }[] = [];
  for (const c of ast.must) {
    const forms = queryForms({ must: [c], not: [] });
    if (!forms) return null;
    clauses.push({ forms, listed: !!topList(sqlite, listKey(forms)) });
  }
  // Every word listed: a word without a list beside listed ones was tried ranked alone by FTS5 (its
  // part of the sum is the same number), and cost as much as FTS5's AND at 1M (decision 76).
  if (clauses.some((c) => !c.listed)) return null;
  const holders: WordHolders[] = clauses.map((c) => wordHolders(sqlite, c.forms, cache));
  const totals = indexTotals(sqlite);
  // Per form in the MATCH's order: its stored values and live statistics.
  const parts = clauses.flatMap((c, i) => {
    const nHits = holders[i]!.nHits();
    return c.forms.map((form, j) => {
      const stats: IndexStats = { ...totals, nHit: nHits[j]! };
      return { values: formValues(sqlite, form), stats, idf: idfOf(stats) };
    });
  });
  const holds = holders.map((h) => h.holds);
  const sizesOfClauses = holders.map((h) => h.size);
  // Led by the word with the fewest holders; each other word's holders checked by a byte per docid.
  const leadAt = sizesOfClauses.indexOf(Math.min(...sizesOfClauses));
  const lead = holds[leadAt]!;
  const others = holds.filter((_, i) => i !== leadAt);
  const sizes = keptRowSizes(sqlite, cache);
  const universe: Doc[] = [];
  const matched: Ranked[] = [];
  const docs = cache.docs;
  next: for (let docid = 0; docid < lead.length; docid++) {
    if (!lead[docid]) continue;
    for (let i = 0; i < others.length; i++) if (!others[i]![docid]) continue next;
    const m = docs.get(docid);
    if (!m || (q.template && m.template !== q.template) || (q.publishedOnly && !m.published)) continue;
    if (from || to) {
      const year = m.dateKey.slice(0, 4);
      if (!year || (from && year < from) || (to && year > to)) continue;
    }
    universe.push(m);
    if (filters.length && !passesAll(m, filters)) continue;
    const d = sizes[docid] ?? 0;
    let score = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const v = part.values[docid] ?? 0;
      if (v === OVERFLOW) return null;
      score += bm25Of(v > 1 ? v - 1 : 0, d, part.stats, part.idf);
    }
    matched.push({ meta: m, score });
  }
  listedWords.queries++;
  if (!q.wantFacets) return { matched, total: matched.length, counts: null, universe };
  const visibility = { template: q.template, publishedOnly: q.publishedOnly };
  const { counts } = holders[leadAt]!.countFiltered(
    universe.map((m) => m.docid),
    visibility,
    filters,
  );
  return { matched, total: matched.length, counts, universe };
}
