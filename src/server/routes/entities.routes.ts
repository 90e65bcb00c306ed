import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { EntityList, IdParams, IfMatchHeaders } from '../../domain/schemas/api.ts';
import { BulkEditInput, BulkEditResult } from '../../domain/schemas/bulk.ts';
import {
  Entity,
  EntityInput,
  EntityListQuery,
  EntityPatch,
  EntityReplace,
  VersionConflictProblem,
} from '../../domain/schemas/entity.ts';
import { EntityView } from '../../domain/schemas/entity-view.ts';
import { bulkEditEntities } from '../../operations/bulk-edit-entities.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { deleteEntity } from '../../operations/delete-entity.ts';
import { getEntity } from '../../operations/get-entity.ts';
import { getEntityView } from '../../operations/get-entity-view.ts';
import { listEntities } from '../../operations/list-entities.ts';
import { replaceEntity, setPublished, updateEntity } from '../../operations/update-entity.ts';
import { ifMatchVersion } from '../entity-etag.ts';
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
    async (req) => {
      const entity = await getEntity({ store: app.store, actor: req.actor, id: req.params.id });
      req.entityVersion = entity.version;
      return presentEntity(entity);
    },
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
        summary: 'Change an entity by JSON Merge Patch (collaborator+; publishing and reviews need editor)',
        description:
          'RFC 7396: a member absent from the body is untouched, null removes it; metadata and lastReviewed ' +
          'are merged key by key. Send the version the change is based on as `If-Match` (the ETag of GET ' +
          '/entities/:id) or a `version` field: an older version answers 409 with the current entity. ' +
          'Without either the patch applies to the current version (it only touches the members it names).',
        params: IdParams,
        headers: IfMatchHeaders,
        body: EntityPatch,
        response: { 200: Entity, 409: VersionConflictProblem },
      },
    },
    async (req, reply) => {
      const entity = await updateEntity({
        store: app.store,
        actor: req.actor,
        id: req.params.id,
        patch: req.body,
        ifMatch: ifMatchVersion(req),
      });
      return reply.header('etag', `"${entity.version}"`).send(presentEntity(entity));
    },
  );
  r.put(
    '/entities/:id',
    {
      schema: {
        tags,
        summary: 'Replace an entity whole (collaborator+; publishing and reviews need editor)',
        description:
          'Title, language, published and metadata are replaced (absent metadata keys are removed; ' +
          'lastReviewed absent: unchanged). The version replaced is required, as `If-Match` or `version`: ' +
          '428 without it, 409 with the current entity when it is old.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: EntityReplace,
        response: { 200: Entity, 409: VersionConflictProblem },
      },
    },
    async (req, reply) => {
      const entity = await replaceEntity({
        store: app.store,
        actor: req.actor,
        id: req.params.id,
        input: req.body,
        ifMatch: ifMatchVersion(req),
      });
      return reply.header('etag', `"${entity.version}"`).send(presentEntity(entity));
    },
  );
  for (const published of [true, false]) {
    const verb = published ? 'publish' : 'unpublish';
    r.post(
      `/entities/:id/${verb}`,
      {
        schema: {
          tags,
          summary: `${published ? 'Publish' : 'Unpublish'} an entity (editor+)`,
          description: `Logged as \`${verb}\` with its diff; If-Match, when sent, must name the current version.`,
          params: IdParams,
          headers: IfMatchHeaders,
          response: { 200: Entity, 409: VersionConflictProblem },
        },
      },
      async (req, reply) => {
        const entity = await setPublished({
          store: app.store,
          actor: req.actor,
          id: req.params.id,
          published,
          ifMatch: ifMatchVersion(req),
        });
        return reply.header('etag', `"${entity.version}"`).send(presentEntity(entity));
      },
    );
  }
  r.post(
    '/entities/bulk',
    {
      schema: {
        tags,
        summary: 'Publish, unpublish, delete or set one property on many entities (editor+)',
        description:
          'Runs in short transactions (at most 200 entities or ~50 ms each), each entity through the ordinary write path with its own ' +
          'activity entry; entities that cannot take the change are listed in `failed`, the others go on. ' +
          'Undo with POST /activity/revert and the `activityIds` answered.',
        body: BulkEditInput,
        response: { 200: BulkEditResult },
      },
    },
    async (req) => bulkEditEntities({ store: app.store, actor: req.actor, input: req.body }),
  );
  r.delete(
    '/entities/:id',
    {
      schema: {
        tags,
        summary: 'Delete an entity with its files (editor+)',
        description:
          'If-Match, when sent, must name the current version (409 with the current entity otherwise).',
        params: IdParams,
        headers: IfMatchHeaders,
      },
    },
    async (req, reply) => {
      await deleteEntity({
        store: app.store,
        actor: req.actor,
        id: req.params.id,
        ifMatch: ifMatchVersion(req),
      });
      return reply.code(204).send();
    },
  );
};
