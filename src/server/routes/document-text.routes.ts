import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../operations/errors.ts';
import { getDocumentPage } from '../../operations/get-document-page.ts';
import { renderBadRequest, renderDocumentPage, renderNotFound } from './document-text.template.ts';

const Query = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  file: z
    .string()
    .regex(/^[a-z0-9]{1,64}$/)
    .optional(),
});

const HTML = 'text/html; charset=utf-8';

/**
 * `GET /documents/:id/text?page=N[&file=]`: one page of a document's text as server-rendered HTML, for
 * readers without JavaScript and for crawlers. Mounted at the root (not under /api), before the SPA fallback,
 * so `/documents/:id` stays the interactive viewer and this path never falls through to index.html. It reads
 * through `getDocumentPage`, so it shows exactly what the API would: an unpublished document is a 404 for
 * anonymous readers.
 */
export const documentTextRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>(
    '/documents/:id/text',
    { schema: { hide: true } },
    async (req, reply) => {
      const query = Query.safeParse(req.query);
      if (!query.success)
        return reply
          .code(400)
          .type(HTML)
          .send(renderBadRequest('The page must be a whole number from 1, as in ?page=2.'));
      const { page, file } = query.data;
      try {
        const d = await getDocumentPage({
          store: app.store,
          actor: req.actor,
          entityId: req.params.id,
          fileId: file,
          page,
        });
        const processing = d.file.status === 'queued' || d.file.status === 'processing';
        // Signed-in readers may see unpublished text: keep it out of shared caches.
        reply.header('cache-control', req.actor ? 'private, no-store' : 'public, max-age=60');
        // 503 + Retry-After tells crawlers to come back rather than index "still processing".
        if (processing) reply.code(503).header('retry-after', '30');
        return reply.type(HTML).send(renderDocumentPage(d, page, file));
      } catch (error) {
        if (error instanceof NotFound) return reply.code(404).type(HTML).send(renderNotFound());
        throw error;
      }
    },
  );
};
