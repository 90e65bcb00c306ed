import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EntityList, IdParams } from '../../domain/schemas/api.ts';
import { Entity, EntityInput, EntityListQuery, EntityPatch } from '../../domain/schemas/entity.ts';
import { EntityView } from '../../domain/schemas/entity-view.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { deleteEntity } from '../../operations/delete-entity.ts';
import { getEntity } from '../../operations/get-entity.ts';
import { getEntityView } from '../../operations/get-entity-view.ts';
import { listEntities } from '../../operations/list-entities.ts';
import { updateEntity } from '../../operations/update-entity.ts';
import { presentEntity, presentEntityView } from '../presenters/entity.presenter.ts';

/** Entities: anyone reads what they may see; collaborators create and edit; editors publish and delete. */
export const entitiesRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['entities'];
  r.get(
    '/entities',
    {
      schema: {
        tags,
        summary: 'A page of entities (anonymous readers: published only)',
        querystring: EntityListQuery,
        response: { 200: EntityList },
      },
    },
    async (req) => {
      const page = await listEntities({ store: app.store, actor: req.actor, query: req.query });
      return { ...page, items: page.items.map(presentEntity) };
    },
  );
  r.get(
    '/entities/:id',
    {
      schema: {
        tags,
        summary: 'One entity (restricted: 404 to anonymous readers)',
        params: IdParams,
        response: { 200: Entity },
      },
    },
    async (req) => presentEntity(await getEntity({ store: app.store, actor: req.actor, id: req.params.id })),
  );
  r.get(
    '/entities/:id/view',
    {
      schema: {
        tags,
        summary: 'An entity with its related and inbound entities and its files',
        params: IdParams,
        response: { 200: EntityView },
      },
    },
    async (req) =>
      presentEntityView(await getEntityView({ store: app.store, actor: req.actor, id: req.params.id })),
  );
  r.post(
    '/entities',
    {
      schema: {
        tags,
        summary: 'Create an entity (collaborator+; publishing needs editor)',
        body: EntityInput,
        response: { 201: Entity },
      },
    },
    async (req, reply) => {
      const entity = await createEntity({ store: app.store, actor: req.actor, input: req.body });
      return reply.code(201).send(presentEntity(entity));
    },
  );
  r.patch(
    '/entities/:id',
    {
      schema: {
        tags,
        summary: 'Change an entity (collaborator+; publishing needs editor)',
        params: IdParams,
        body: EntityPatch,
        response: { 200: Entity },
      },
    },
    async (req) =>
      presentEntity(
        await updateEntity({ store: app.store, actor: req.actor, id: req.params.id, patch: req.body }),
      ),
  );
  r.delete(
    '/entities/:id',
    { schema: { tags, summary: 'Delete an entity with its files (editor+)', params: IdParams } },
    async (req, reply) => {
      await deleteEntity({ store: app.store, actor: req.actor, id: req.params.id });
      return reply.code(204).send();
    },
  );
};
