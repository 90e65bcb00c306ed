import type { SearchQuery } from '../domain/schemas/search.ts';
import { viewerOf } from '../domain/visibility.ts';
import type { SearchProvider } from '../search/provider.ts';
import type { Actor } from './permissions.ts';

/**
 * Every result of a search the actor may see, as CSV or JSON chunks, paged by cursor (never capped). The
 * first chunk is fetched before this resolves, so a search past its deadline fails here, before a
 * response has started, and is still answered with a proper error rather than a cut-off download.
 */
export async function exportSearch({
  search,
  actor,
  query,
  format,
}: {
  search: SearchProvider;
  actor: Actor;
  query: SearchQuery;
  format: 'csv' | 'json';
}): Promise<AsyncGenerator<string>> {
  const chunks = search.exportResults({ ...query, viewer: viewerOf(actor) }, format);
  const first = await chunks.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* chunks;
  })();
}
