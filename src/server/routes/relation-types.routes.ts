import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NameParams } from '../../domain/schemas/api.ts';
import { RelationType, RelationTypeInput } from '../../domain/schemas/reference.ts';
import { RelationTypeDeleteQuery, RelationTypeUsage } from '../../domain/schemas/schema-admin.ts';
import { listRelationTypes } from '../../operations/list-relation-types.ts';
import { saveRelationType } from '../../operations/save-relation-type.ts';
import {
  deleteRelationType,
  getRelationTypeUsage,
  updateRelationType,
} from '../../operations/schema/relation-type-admin.ts';
import { presentRelationType } from '../presenters/vocabulary.presenter.ts';

/** Relation types: public list, admin create, relabel and delete. */
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
  r.put(
    '/relation-types/:name',
    {
      schema: {
        tags,
        summary: 'Change the labels and inverse labels of a relation type (admin)',
        params: NameParams,
        body: RelationTypeInput,
        response: { 200: RelationType },
      },
    },
    async (req) =>
      presentRelationType(
        await updateRelationType({
          store: app.store,
          actor: req.actor,
          name: req.params.name,
          input: req.body,
        }),
      ),
  );
  r.get(
    '/relation-types/:name/usage',
    {
      schema: {
        tags,
        summary: 'Connections and properties using a relation type (admin)',
        params: NameParams,
        response: { 200: RelationTypeUsage },
      },
    },
    async (req) => getRelationTypeUsage({ store: app.store, actor: req.actor, name: req.params.name }),
  );
  r.delete(
    '/relation-types/:name',
    {
      schema: {
        tags,
        summary: 'Delete a relation type (admin)',
        description:
          'Refused (409, with `usage`) while connections or properties use it, unless `moveTo` names another ' +
          'relation type that takes them over.',
        params: NameParams,
        querystring: RelationTypeDeleteQuery,
      },
    },
    async (req, reply) => {
      await deleteRelationType({
        store: app.store,
        actor: req.actor,
        name: req.params.name,
        moveTo: req.query.moveTo,
      });
      return reply.code(204).send();
    },
  );
};
