import type { SearchQuery } from '../domain/schemas/search.ts';
import { viewerOf } from '../domain/visibility.ts';
import type { SearchProvider, SearchResult } from '../search/provider.ts';
import type { Store } from '../store/store.ts';
import { localizeSearchResult } from './localize-search.ts';
import type { Actor } from './permissions.ts';

/**
 * A page of entities matching a query, with facets and snippets, as the actor may see them (anonymous
 * readers: published entities only, and no hit through the words of an unpublished one). With `lang` and a
 * store, titles and labels come in that language (localize-search.ts).
 */
export async function searchEntities({
  search,
  actor,
  query,
  generation,
  store,
}: {
  search: SearchProvider;
  actor: Actor;
  query: SearchQuery;
  /** The write generation already read for this request (the ETag's), if any. */
  generation?: number;
  store?: Store;
}): Promise<SearchResult> {
  const { lang, ...rest } = query;
  const result = await search.search({ ...rest, viewer: viewerOf(actor) }, { generation });
  return lang && store ? localizeSearchResult(result, store, lang) : result;
}
