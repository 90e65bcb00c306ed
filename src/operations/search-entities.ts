import type { SearchQuery } from '../domain/schemas/search.ts';
import { viewerOf } from '../domain/visibility.ts';
import type { SearchProvider, SearchResult } from '../search/provider.ts';
import type { Actor } from './permissions.ts';

/**
 * A page of entities matching a query, with facets and snippets, as the actor may see them (anonymous
 * readers: published entities only, and no hit through the words of an unpublished one).
 */
export function searchEntities({
  search,
  actor,
  query,
  generation,
}: {
  search: SearchProvider;
  actor: Actor;
  query: SearchQuery;
  /** The write generation already read for this request (the ETag's), if any. */
  generation?: number;
}): Promise<SearchResult> {
  return search.search({ ...query, viewer: viewerOf(actor) }, { generation });
}
