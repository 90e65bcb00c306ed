import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AutocompleteQuery,
  AutocompleteResponse,
  ExportQuery,
  ExportZipQuery,
  FileSearchQuery,
  FileSearchResponse,
  SearchQuery,
  SearchResponse,
} from '../../domain/schemas/search.ts';
import { autocompleteTitles } from '../../operations/autocomplete-titles.ts';
import { exportSearch } from '../../operations/export-search.ts';
import { exportSearchZip } from '../../operations/export-zip.ts';
import { searchEntities } from '../../operations/search-entities.ts';
import { searchWithinFile } from '../../operations/search-within-file.ts';
import type { SearchProvider } from '../../search/provider.ts';

/** The site's address for full file addresses in exports: the configured one, else the request's own. */
const originOf = (request: FastifyRequest): string =>
  request.server.config.publicUrl ?? `${request.protocol}://${request.host}`;

/**
 * Search routes; register under /api/v1 (`buildApp({ plugins: [searchRoutes({ search })] })`). Who sees
 * what is the operations' business (viewerOf), not the routes'.
 */
export const searchRoutes =
  (opts: { search: SearchProvider }): FastifyPluginAsync =>
  async (app) => {
    const { search } = opts;
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Search entities and the full text of their files, with facets',
          querystring: SearchQuery,
          response: { 200: SearchResponse },
        },
      },
      async (request) =>
        searchEntities({
          search,
          actor: request.actor,
          query: request.query,
          generation: request.generation,
          store: app.store,
        }),
    );
    r.get(
      '/search/export',
      {
        schema: {
          tags: ['search'],
          summary:
            "The whole result set, streamed with no cap: CSV for people (property labels as columns, thesaurus labels and titles instead of ids, all in the reader's `lang` where translated, values joined with |, the best passage and its page for a text search, UTF-8 with BOM) or JSON records as stored",
          querystring: SearchQuery.and(ExportQuery),
        },
      },
      async (request, reply) => {
        const { format, languages, ...query } = request.query as SearchQuery & ExportQuery;
        // Awaited before the headers go out, so a search past its deadline is still a 503 problem.
        const chunks = await exportSearch({
          store: app.store,
          search,
          actor: request.actor,
          query,
          format,
          languages,
          origin: originOf(request),
        });
        const stream = Readable.from(chunks);
        reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="search.${format}"`);
        return reply.send(stream);
      },
    );
    r.get(
      '/search/export/zip',
      {
        schema: {
          tags: ['search'],
          summary:
            "One template's search results with their files, as a ZIP the CSV import reads back (import.csv + files/<entity>/<name>; file, attachments and media values name the files inside); streamed, signed-in accounts only",
          querystring: SearchQuery.and(ExportZipQuery),
        },
      },
      async (request, reply) => {
        const { languages, ...query } = request.query as SearchQuery & ExportZipQuery;
        const stream = await exportSearchZip({
          store: app.store,
          search,
          actor: request.actor,
          query,
          languages,
          origin: originOf(request),
        });
        const name = `${query.template}-with-files.zip`.replace(/[^A-Za-z0-9._-]/g, '_');
        reply.type('application/zip').header('content-disposition', `attachment; filename="${name}"`);
        return reply.send(stream);
      },
    );
    r.get(
      '/files/:id/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Every matching paragraph of one file, in reading order, with highlight offsets',
          params: z.object({ id: z.string().max(64) }),
          querystring: FileSearchQuery,
          response: { 200: FileSearchResponse },
        },
      },
      async (request) =>
        searchWithinFile({ search, actor: request.actor, fileId: request.params.id, q: request.query.q }),
    );
    r.get(
      '/autocomplete',
      {
        schema: {
          tags: ['search'],
          summary: 'Entity titles for pickers, by title start and word prefixes',
          querystring: AutocompleteQuery,
          response: { 200: AutocompleteResponse },
        },
      },
      async (request) => ({
        items: await autocompleteTitles({ search, actor: request.actor, query: request.query }),
      }),
    );
  };
