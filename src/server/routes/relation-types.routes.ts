import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RelationType, RelationTypeInput } from '../../domain/schemas/reference.ts';
import { listRelationTypes } from '../../operations/list-relation-types.ts';
import { saveRelationType } from '../../operations/save-relation-type.ts';
import { presentRelationType } from '../presenters/vocabulary.presenter.ts';

/** Relation types: public list, admin create. */
export const relationTypesRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['relation-types'];
  r.get(
    '/relation-types',
    { schema: { tags, summary: 'Every relation type', response: { 200: z.array(RelationType) } } },
    async () => (await listRelationTypes({ store: app.store })).map(presentRelationType),
  );
  r.post(
    '/relation-types',
    {
      schema: {
        tags,
        summary: 'Create a relation type (admin)',
        body: RelationTypeInput,
        response: { 201: RelationType },
      },
    },
    async (req, reply) => {
      const t = await saveRelationType({ store: app.store, actor: req.actor, input: req.body });
      return reply.code(201).send(presentRelationType(t));
    },
  );
};
