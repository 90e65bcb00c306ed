import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../domain/schemas/api.ts';
import { ReattachInput, ReattachProposal } from '../../domain/schemas/reattach.ts';
import { ReferenceView } from '../../domain/schemas/reference-view.ts';
import { proposeReattach, reattachReference } from '../../operations/reattach-reference.ts';

/** Re-attaching an orphaned connection (editors and admins): where it could go, then where it goes. */
export const reattachRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['references'];
  r.get(
    '/references/:id/reattach',
    {
      schema: {
        tags,
        summary:
          'The lost end of an orphaned connection and five paragraphs of its file that could hold it (editor+)',
        description: '409 when the connection is not orphaned. Nothing is attached by this call.',
        params: IdParams,
        response: { 200: ReattachProposal },
      },
    },
    async (req) => proposeReattach({ store: app.store, actor: req.actor, id: req.params.id }),
  );
  r.post(
    '/references/:id/reattach',
    {
      schema: {
        tags,
        summary: 'Re-anchor the lost end of an orphaned connection on a range of its file (editor+)',
        description:
          'start/end are offsets in the file’s current normalized text (a suggested paragraph’s, or any ' +
          'selection). The quote, context and rectangles are rebuilt from the stored text; the connection ' +
          'stays orphaned only while its other end is lost. Logged as `reattach` with the old and new quotes.',
        params: IdParams,
        body: ReattachInput,
        response: { 200: ReferenceView },
      },
    },
    async (req) =>
      reattachReference({ store: app.store, actor: req.actor, id: req.params.id, input: req.body }),
  );
};
