import { viewerOf } from '../domain/visibility.ts';
import type { FileMatch, SearchProvider } from '../search/provider.ts';
import { NotFound } from './errors.ts';
import type { Actor } from './permissions.ts';

/**
 * Every paragraph of one file matching a query, in reading order, with highlight offsets. A file the actor
 * may not see (its entity unpublished, for an anonymous reader) is NotFound, like an unknown one.
 */
export async function searchWithinFile({
  search,
  actor,
  fileId,
  q,
}: {
  search: SearchProvider;
  actor: Actor;
  fileId: string;
  q: string;
}): Promise<{ matches: FileMatch[]; hints: string[] }> {
  const result = await search.searchWithinFile({ fileId, q, viewer: viewerOf(actor) });
  if (!result) throw new NotFound('File', fileId);
  return result;
}
