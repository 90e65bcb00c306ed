import type { SuggestionQuery, SuggestionResponse } from '../domain/schemas/suggestion.ts';
import { viewerOf } from '../domain/visibility.ts';
import type { SearchProvider } from '../search/provider.ts';
import { NotFound, ValidationFailed } from './errors.ts';
import type { Actor } from './permissions.ts';

/**
 * Paragraphs most like a passage (a paragraph, or a range of a file's full text), to connect it to. The
 * provider answers with plain outcomes (they cross a process boundary); here an unknown or hidden source
 * or target becomes NotFound and a range outside the text ValidationFailed on its query field.
 */
export async function suggestParagraphs({
  search,
  actor,
  query,
}: {
  search: SearchProvider;
  actor: Actor;
  query: SuggestionQuery;
}): Promise<SuggestionResponse> {
  const outcome = await search.suggestParagraphs({ ...query, viewer: viewerOf(actor) });
  if (outcome.ok) return outcome.result;
  if (outcome.status === 404) throw new NotFound(outcome.what, outcome.id);
  throw new ValidationFailed([{ path: `query.${outcome.field}`, message: outcome.message }], outcome.message);
}
