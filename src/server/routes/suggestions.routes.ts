import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SuggestionQuery, SuggestionResponse } from '../../domain/schemas/suggestion.ts';
import { suggestParagraphs } from '../../operations/suggest-paragraphs.ts';
import type { SearchProvider } from '../../search/provider.ts';

/**
 * Suggested target paragraphs for a passage being connected; register under /api/v1
 * (`buildApp({ plugins: [suggestionsRoutes({ search })] })`). Ranking is the search provider's.
 */
export const suggestionsRoutes =
  (opts: { search: SearchProvider }): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/suggestions',
      {
        schema: {
          tags: ['suggestions'],
          summary: 'Paragraphs most like a passage, to connect it to',
          description:
            'The source is a paragraph (`paragraphId`) or a range of a file’s normalized full text ' +
            '(`fileId`, `start`, `end`, as in a connection anchor); its text is read from the store. ' +
            'Paragraphs are ranked by bm25 over the passage’s salient words (rarest in the collection ' +
            'first) plus a bonus for shared phrases, within the files of `targetEntityId` or across the ' +
            'collection without the source file. Anonymous readers get published entities only; an ' +
            'unknown or hidden paragraph, file or target entity is 404, a range outside the text 400.',
          querystring: SuggestionQuery,
          response: { 200: SuggestionResponse },
        },
      },
      async (request) =>
        suggestParagraphs({ search: opts.search, actor: request.actor, query: request.query }),
    );
  };
