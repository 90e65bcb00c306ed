import type Database from 'better-sqlite3';
import type { Ranked } from '../../../search/cursor.ts';
import type { Doc } from '../../../search/doc-cache.ts';
import { type KeyCounts, passesAll } from '../../../search/facets.ts';
import type { FrequentQuery } from './frequent-word.ts';
import { ENTITY_TEXT_COLUMNS, rankEntities } from './queries.ts';
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
 * the whole AND), how many of them had a word without a list, and a switch to answer them all by FTS5
 * (the brute force the stored path is compared with).
 */
export const listedWords = { queries: 0, mixed: 0, enabled: true };

/**
 * A query of two or more plain words, at least one with a top list (decision 68 keeps their holders and
 * each row's column-weighted count f on disk), scored without FTS5's bm25 over the AND (decision 73):
 * that first counts each form's rows over its whole doclist (nHit), then walks every matching row's
 * positions, 3× the docid-only MATCH and most of the query at 1M paragraphs. Here a listed word's holders
 * and f come from its kept holders and stored values; a word without a list (a rarer one) is ranked alone
 * by FTS5, form by form (a phrase's part of a bm25 sum is the same number alone: nHit, the row's size and
 * the averages are the query's). The matches are the intersection, each scored with the same bm25 as the
 * lists (top-term-scores.ts: FTS5's operations in its order, phrase by phrase in the MATCH's order — each
 * word's forms, then the filters' zero-weighted tags, which add 0), so the doubles are FTS5's; a listed
 * row's size comes from the sizes kept per connection. Totals and facets come from the flat keys
 * (word-holders.ts countFiltered). Null (the caller asks FTS5) for anything else: no listed word, a prefix,
 * a phrase, an exclusion, CJK, a count too large to store.
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
  const listed = clauses.filter((c) => c.listed);
  if (!listed.length) return null;
  const holders: WordHolders[] = listed.map((c) => wordHolders(sqlite, c.forms, cache));
  const totals = indexTotals(sqlite);
  const nHits = holders.map((h) => h.nHits());
  // Per form in the MATCH's order: a listed form's stored values and live statistics, or an unlisted
  // form's part of the score in every row holding it (FTS5's bm25 of the form alone, negated).
  type Part = { values: Uint16Array; stats: IndexStats; idf: number } | { alone: Map<number, number> };
  const parts: Part[] = [];
  const holds: Uint8Array[] = [];
  const sizesOfClauses: number[] = [];
  for (const c of clauses) {
    if (c.listed) {
      const i = listed.indexOf(c);
      c.forms.forEach((form, j) => {
        const stats = { ...totals, nHit: nHits[i]![j]! };
        parts.push({ values: formValues(sqlite, form), stats, idf: idfOf(stats) });
      });
      holds.push(holders[i]!.holds);
      sizesOfClauses.push(holders[i]!.size);
      continue;
    }
    const held = new Uint8Array(Math.max(...holders.map((h) => h.holds.length)));
    let n = 0;
    for (const form of c.forms) {
      const alone = new Map<number, number>();
      for (const [docid, bm25] of rankEntities(
        sqlite,
        `{${ENTITY_TEXT_COLUMNS.join(' ')}} : ${quote(form)}`,
      )) {
        alone.set(docid, -bm25);
        if (docid < held.length && !held[docid]) {
          held[docid] = 1;
          n++;
        }
      }
      parts.push({ alone });
    }
    holds.push(held);
    sizesOfClauses.push(n);
  }
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
      if ('alone' in part) {
        score += part.alone.get(docid) ?? 0;
        continue;
      }
      const v = part.values[docid] ?? 0;
      if (v === OVERFLOW) return null;
      score += bm25Of(v > 1 ? v - 1 : 0, d, part.stats, part.idf);
    }
    matched.push({ meta: m, score });
  }
  listedWords.queries++;
  if (listed.length < clauses.length) listedWords.mixed++;
  if (!q.wantFacets) return { matched, total: matched.length, counts: null, universe };
  const visibility = { template: q.template, publishedOnly: q.publishedOnly };
  const { counts } = holders[0]!.countFiltered(
    universe.map((m) => m.docid),
    visibility,
    filters,
  );
  return { matched, total: matched.length, counts, universe };
}

const quote = (form: string) => `"${form.replace(/"/g, '""')}"`;
