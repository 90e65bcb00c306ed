import type Database from 'better-sqlite3';
import type { Ranked } from '../../../search/cursor.ts';
import type { Doc } from '../../../search/doc-cache.ts';
import { type KeyCounts, passesAll } from '../../../search/facets.ts';
import type { FrequentQuery } from './frequent-word.ts';
import { formValues, OVERFLOW } from './top-holders.ts';
import {
  bm25OfForms,
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
 * For tests and benches: how many queries were answered from the stored values (not by FTS5), and a switch
 * to answer them all by FTS5 (the brute force the stored path is compared with).
 */
export const listedWords = { queries: 0, enabled: true };

/**
 * A query of two or more plain words, each with a top list (decision 68 keeps their holders and each row's
 * column-weighted count f on disk), answered without FTS5 (decision 73): FTS5's bm25 over an AND of
 * frequent words first counts each form's rows over its whole doclist (nHit), then walks every matching
 * row's positions, 3× the docid-only MATCH and most of the query at 1M paragraphs. Here the matches are
 * the intersection of the words' kept holders, each scored from the stored f, its row size (kept per
 * connection) and the live statistics with the same bm25 as the lists (top-term-scores.ts: FTS5's
 * operations in its order, phrase by phrase in the MATCH's order — each word's forms, then the filters'
 * zero-weighted tags, which add 0), so the doubles are FTS5's. Totals and facets come from the flat keys
 * (word-holders.ts countFiltered). Null (the caller asks FTS5) for anything else: a word without a list,
 * a prefix, a phrase, an exclusion, CJK, a count too large to store.
 */
export function listedWordsMatch(sqlite: Database.Database, q: FrequentQuery): ListedMatch | null {
  const { ast, cache, filters, from, to } = q;
  if (!listedWords.enabled || ast.must.length < 2 || ast.not.length) return null;
  const clauses: string[][] = [];
  for (const c of ast.must) {
    const forms = queryForms({ must: [c], not: [] });
    if (!forms || !topList(sqlite, listKey(forms))) return null;
    clauses.push(forms);
  }
  const holders: WordHolders[] = clauses.map((forms) => wordHolders(sqlite, forms, cache));
  // Led by the word with the fewest holders; each other word's holders checked by a byte per docid.
  const lead = holders.reduce((a, b) => (b.size < a.size ? b : a));
  const others = holders.filter((h) => h !== lead).map((h) => h.holds);
  const forms = clauses.flat();
  const values = forms.map((form) => formValues(sqlite, form));
  const sizes = keptRowSizes(sqlite, cache);
  const totals = indexTotals(sqlite);
  const nHits = holders.flatMap((h) => h.nHits());
  const live: IndexStats[] = forms.map((_, i) => ({ ...totals, nHit: nHits[i]! }));
  const idfs = live.map(idfOf);
  const fs = new Array<number>(forms.length);
  const universe: Doc[] = [];
  const matched: Ranked[] = [];
  const { holds } = lead;
  const docs = cache.docs;
  next: for (let docid = 0; docid < holds.length; docid++) {
    if (!holds[docid]) continue;
    for (let i = 0; i < others.length; i++) if (!others[i]![docid]) continue next;
    const m = docs.get(docid);
    if (!m || (q.template && m.template !== q.template) || (q.publishedOnly && !m.published)) continue;
    if (from || to) {
      const year = m.dateKey.slice(0, 4);
      if (!year || (from && year < from) || (to && year > to)) continue;
    }
    universe.push(m);
    if (filters.length && !passesAll(m, filters)) continue;
    for (let i = 0; i < forms.length; i++) {
      const v = values[i]![docid] ?? 0;
      if (v === OVERFLOW) return null;
      fs[i] = v > 1 ? v - 1 : 0;
    }
    matched.push({ meta: m, score: bm25OfForms(fs, sizes[docid] ?? 0, live, idfs) });
  }
  listedWords.queries++;
  if (!q.wantFacets) return { matched, total: matched.length, counts: null, universe };
  const visibility = { template: q.template, publishedOnly: q.publishedOnly };
  const { counts } = lead.countFiltered(
    universe.map((m) => m.docid),
    visibility,
    filters,
  );
  return { matched, total: matched.length, counts, universe };
}
