import {
  SEARCH_LIMIT_MAX,
  SearchQuery,
  type SearchRequest,
  SearchResponse,
  searchQueryParams,
} from '../../domain/schemas/search.ts';
import { checkedQuery, get, withQuery } from './client.ts';

export type { SearchRequest };

/** The entities a Browse search matched: every id, and the exact total the server counted. */
export type SearchHitIds = { entityIds: string[]; total: number };

/** Pages Browse follows at most (SEARCH_LIMIT_MAX each); beyond it the total still tells how many matched. */
const MAX_PAGES = 50;

/** One page of GET /api/v1/search, parsed with the domain's SearchResponse. */
export const searchPage = (request: SearchRequest, signal?: AbortSignal) =>
  get(SearchResponse, withQuery('/search', searchQueryParams(request)), signal);

/**
 * One page for a query string read from the search page's URL (`q`, `f.…`, `sort`…), checked against the
 * server's SearchQuery before it is sent.
 */
export const searchPageOfQuery = (
  query: string,
  page: { limit: number; cursor?: string; lang?: string },
  signal?: AbortSignal,
) => {
  const params: Record<string, string | string[]> = {};
  const url = new URLSearchParams(query);
  for (const key of new Set(url.keys())) params[key] = url.getAll(key);
  return get(
    SearchResponse,
    checkedQuery(SearchQuery, '/search', {
      ...params,
      limit: Math.min(page.limit, SEARCH_LIMIT_MAX),
      cursor: page.cursor,
      lang: page.lang,
    }),
    signal,
  );
};

/**
 * Every entity id matching a search, following `nextCursor` page by page at the largest page the API
 * allows (asking for more than SEARCH_LIMIT_MAX at once is a 400).
 */
export async function searchEntityIds(request: SearchRequest, signal?: AbortSignal): Promise<SearchHitIds> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  let total = 0;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await searchPage({ ...request, limit: SEARCH_LIMIT_MAX, cursor }, signal);
    total = page.total;
    for (const item of page.items) ids.add(item.entity.id);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { entityIds: [...ids], total };
}

/**
 * Every entity id a search page's query string matches (for "select all N"), following `nextCursor` at the
 * largest page the API allows, up to `max`.
 */
export async function allIdsOfQuery(query: string, max: number, signal?: AbortSignal): Promise<string[]> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  while (ids.size < max) {
    const page = await searchPageOfQuery(query, { limit: SEARCH_LIMIT_MAX, cursor }, signal);
    for (const item of page.items) ids.add(item.entity.id);
    if (!page.nextCursor || page.items.length === 0) break;
    cursor = page.nextCursor;
  }
  return [...ids].slice(0, max);
}
