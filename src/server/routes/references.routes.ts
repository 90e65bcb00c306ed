import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../domain/schemas/api.ts';
import { ReferenceInput } from '../../domain/schemas/reference.ts';
import {
  OrphanedReferenceQuery,
  ReferenceList,
  ReferenceListQuery,
  ReferenceView,
} from '../../domain/schemas/reference-view.ts';
import { createReference } from '../../operations/create-reference.ts';
import { deleteReference } from '../../operations/delete-reference.ts';
import { listOrphanedReferences } from '../../operations/list-orphaned-references.ts';
import { listReferences } from '../../operations/list-references.ts';

/**
 * Text-to-text connections: anyone lists what they may see (anonymous: both ends published); collaborators
 * create; editors delete and review orphaned ones.
 */
export const referencesRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['references'];
  r.get(
    '/references',
    {
      schema: {
        tags,
        summary: 'A page of connections of one entity, file or paragraph (give exactly one)',
        description:
          'Outgoing and incoming connections with the quoted text, the other end’s title, page and paragraph. ' +
          'With fileId, page=N keeps the connections with an end touching page N of the file (the viewer’s ' +
          'highlights), in text order. Anonymous readers see connections whose two entities are both published.',
        querystring: ReferenceListQuery,
        response: { 200: ReferenceList },
      },
    },
    async (req) => listReferences({ store: app.store, actor: req.actor, query: req.query }),
  );
  r.get(
    '/references/orphaned',
    {
      schema: {
        tags,
        summary: 'Connections that could not be re-attached after a file changed (editor+)',
        querystring: OrphanedReferenceQuery,
        response: { 200: ReferenceList },
      },
    },
    async (req) => listOrphanedReferences({ store: app.store, actor: req.actor, ...req.query }),
  );
  r.post(
    '/references',
    {
      schema: {
        tags,
        summary: 'Connect a passage to a passage or an entity (collaborator+)',
        description:
          'Each anchor must quote the file’s text exactly at its offsets (`exact` = text.slice(start, end)); ' +
          'prefix and suffix are recomputed from the stored text. Overlapping connections are allowed.',
        body: ReferenceInput,
        response: { 201: ReferenceView },
      },
    },
    async (req, reply) => {
      const created = await createReference({ store: app.store, actor: req.actor, input: req.body });
      return reply.code(201).send(created);
    },
  );
  r.delete(
    '/references/:id',
    { schema: { tags, summary: 'Delete a connection (editor+)', params: IdParams } },
    async (req, reply) => {
      await deleteReference({ store: app.store, actor: req.actor, id: req.params.id });
      return reply.code(204).send();
    },
  );
};
