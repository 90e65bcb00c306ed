import type { SearchParams, SearchResult } from './provider.ts';

/*
 * What a write did to a cached answer (docs/ARCHITECTURE.md, decision 69). An engine that can tell which
 * entities a write touched offers a `CacheFeed`; the result cache (result-cache.ts) then keeps an answer
 * through writes that cannot have changed it, instead of dropping every answer on every write.
 */

/** Where an answer stands in the write history: the generation, the change log's seq, the catalog's count. */
export type WritePoint = { generation: number; seq: number; catalog: number };

/** A search with what following writes needs, all read in the search's own snapshot. */
export type TrackedSearch = {
  result: SearchResult;
  at: WritePoint;
  /**
   * The entities (by docid, one bit each) that may have counted in the answer (its total, a facet's count):
   * a superset of them. Null for a query without words.
   */
  matched: Uint8Array | null;
};

/** One entity changed since a point, as it stands now. */
export type WriteChange = {
  docid: number;
  /** Null once deleted. */
  entityId: string | null;
  /** Its facet or filter keys (template, published, facet values, date) may have moved. */
  keys: boolean;
  /** Per asked query: whether its text matches the query's words now. */
  hits: boolean[];
  /**
   * Per asked query: its relevance score now, or a value no lower (decision 78), where the engine can tell
   * it as the search would; only "it stays below the page" is decided from it.
   */
  scores?: (number | null)[];
};

/**
 * How far below a first page's last score a changed entity's new score must stay for the page to stand:
 * the page's own scores are as of its point, and a write moves every score by a little (decision 69).
 */
const SCORE_MARGIN = 0.01;

/** The changes since a point, or null when too many to follow (a bulk write, a catalog change). */
export type Revalidation = { at: WritePoint; changes: WriteChange[] | null };

export type CacheFeed = {
  search(params: SearchParams): Promise<TrackedSearch>;
  revalidate(args: { since: WritePoint; queries: SearchParams[] }): Promise<Revalidation>;
};

export const hasBit = (bits: Uint8Array, docid: number) => ((bits[docid >> 3] ?? 0) >> (docid & 7)) & 1;

/** A bit set of docids. */
export function bitsOf(docids: Iterable<number>): Uint8Array {
  let bits = new Uint8Array(64);
  for (const d of docids) {
    if (d >> 3 >= bits.length) {
      const grown = new Uint8Array(Math.max((d >> 3) + 1, bits.length * 2));
      grown.set(bits);
      bits = grown;
    }
    bits[d >> 3]! |= 1 << (d & 7);
  }
  return bits;
}

/**
 * - `none`: no changed entity matched the query's words before or after: the answer is what a search now
 *   gives, totals, facets and page alike (up to the collection statistics bm25 reads, see decision 69).
 * - `ranking`: a changed entity matched before and after, with the same keys, and is not on the page: the
 *   total and facet counts are unchanged (it counted, and counts, in the same buckets), only its score may
 *   have moved, perhaps onto the page.
 * - `answer`: anything else (it entered or left the matches, its keys moved, it is on the page, the order is
 *   not relevance, the query has no words): the answer may be wrong and must be searched again.
 */
export type WriteEffect = 'none' | 'ranking' | 'answer';

export function effectOn(
  entry: { params: SearchParams; result: SearchResult; matched: Uint8Array | null },
  changes: WriteChange[],
  query: number,
): WriteEffect {
  return effectWhy(entry, changes, query)[0];
}

/** `effectOn` with the rule that decided it (for the cache's counters). */
export function effectWhy(
  entry: { params: SearchParams; result: SearchResult; matched: Uint8Array | null },
  changes: WriteChange[],
  query: number,
): [WriteEffect, string] {
  if (!changes.length) return ['none', 'no changes'];
  const { matched, params, result } = entry;
  // Without words every entity of the template is in the answer; sorting by title or date reads keys the
  // change log does not follow (a title), so any change among the matches may reorder it.
  if (!matched) return ['answer', 'no words'];
  const byRelevance = (params.sort ?? 'relevance') === 'relevance';
  let effect: [WriteEffect, string] = ['none', 'unmatched'];
  for (const c of changes) {
    const was = hasBit(matched, c.docid) === 1;
    const now = c.hits[query] === true;
    if (!was && !now) continue;
    if (was !== now) return ['answer', now ? 'entered' : 'left'];
    if (c.keys) return ['answer', 'keys moved'];
    if (!byRelevance) return ['answer', 'sorted by title/date'];
    if (result.items.some((i) => i.entity.id === c.entityId)) return ['answer', 'on the page'];
    if (!staysOffPage(entry, c.scores?.[query]))
      effect = ['ranking', c.scores?.[query] == null ? 'unscored' : 'may enter the page'];
    else if (effect[0] === 'none') effect = ['none', 'stays off the page'];
  }
  return effect;
}

/**
 * Whether an entity off a full first page, scoring `score` now, stays off it: it was below the page (a first
 * page holds everything above its last item) and still scores clearly below the last item.
 */
function staysOffPage(
  { params, result }: { params: SearchParams; result: SearchResult },
  score: number | null | undefined,
) {
  const limit = Math.max(1, Math.min(params.limit ?? 20, 1000));
  const last = result.items[result.items.length - 1];
  if (score == null || params.cursor || !last || result.items.length < limit) return false;
  return score < last.score - SCORE_MARGIN * Math.abs(last.score);
}
