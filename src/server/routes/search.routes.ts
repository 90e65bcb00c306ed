import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AutocompleteQuery,
  AutocompleteResponse,
  ExportQuery,
  FileSearchQuery,
  FileSearchResponse,
  SearchQuery,
  SearchResponse,
} from '../../domain/schemas/search.ts';
import { viewerOf } from '../../domain/visibility.ts';
import { NotFound } from '../../operations/errors.ts';
import type { SearchPool } from '../../search/worker-pool.ts';

/** Search routes; register under /api/v1 (`buildApp({ plugins: [searchRoutes({ pool })] })`). */
export const searchRoutes =
  (opts: { pool: SearchPool }): FastifyPluginAsync =>
  async (app) => {
    const { pool } = opts;
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
      async (request) => pool.search({ ...request.query, viewer: viewerOf(request.actor) }),
    );
    r.get(
      '/search/export',
      {
        schema: {
          tags: ['search'],
          summary: 'The whole result set as CSV or JSON (streamed, no cap)',
          querystring: SearchQuery.and(ExportQuery),
        },
      },
      async (request, reply) => {
        const { format, ...params } = request.query as SearchQuery & { format: 'csv' | 'json' };
        const chunks = pool.exportResults({ ...params, viewer: viewerOf(request.actor) }, format);
        // The first page is asked for before the headers go out, so a search past its deadline is
        // still a 503 problem rather than a cut-off download.
        const first = await chunks.next();
        const stream = Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* chunks;
          })(),
        );
        reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="search.${format}"`);
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
      async (request) => {
        const result = await pool.searchWithinFile({
          fileId: request.params.id,
          q: request.query.q,
          viewer: viewerOf(request.actor),
        });
        if (!result) throw new NotFound('File', request.params.id);
        return result;
      },
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
        items: await pool.autocompleteTitles({ ...request.query, viewer: viewerOf(request.actor) }),
      }),
    );
  };
