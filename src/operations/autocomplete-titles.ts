import { viewerOf } from '../domain/visibility.ts';
import type { SearchProvider, TitleSuggestion } from '../search/provider.ts';
import type { Actor } from './permissions.ts';

/** Entity titles for pickers, by title start and word prefixes, among the entities the actor may see. */
export function autocompleteTitles({
  search,
  actor,
  query,
}: {
  search: SearchProvider;
  actor: Actor;
  query: { q: string; template?: string; limit?: number };
}): Promise<TitleSuggestion[]> {
  return search.autocompleteTitles({ ...query, viewer: viewerOf(actor) });
}
