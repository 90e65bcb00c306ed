import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ActivityIdParams, ActivityPage, ActivityQuery } from '../../domain/schemas/api.ts';
import { RevertManyInput, RevertManyResult } from '../../domain/schemas/bulk.ts';
import { Entity, VersionConflictProblem } from '../../domain/schemas/entity.ts';
import { listActivity } from '../../operations/list-activity.ts';
import { revertActivities, revertActivity } from '../../operations/revert-activity.ts';
import { presentEntity } from '../presenters/entity.presenter.ts';
import { presentActivity } from '../presenters/user.presenter.ts';

/** The activity log (admins read it) and reverting one entity change from it (editors and admins). */
export const activityRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/activity/:id/revert',
    {
      schema: {
        tags: ['activity'],
        summary: "Revert one entity change of the log (editor+): its fields go back to their 'before' values",
        description:
          'The revert is itself logged (action `revert`, with its diff). 409 with the current entity when a ' +
          'field of that change has changed since; creations and deletions are not reverted (409).',
        params: ActivityIdParams,
        response: { 200: Entity, 409: VersionConflictProblem },
      },
    },
    async (req) =>
      presentEntity(await revertActivity({ store: app.store, actor: req.actor, activityId: req.params.id })),
  );
  r.post(
    '/activity/revert',
    {
      schema: {
        tags: ['activity'],
        summary: 'Revert many entity changes, newest first (editor+): the undo of a bulk edit',
        body: RevertManyInput,
        response: { 200: RevertManyResult },
      },
    },
    async (req) =>
      revertActivities({ store: app.store, actor: req.actor, activityIds: req.body.activityIds }),
  );
  r.get(
    '/activity',
    {
      schema: {
        tags: ['activity'],
        summary: 'Who did what, newest first, filtered and paged by cursor (admin)',
        description:
          'Filters (person, action, template, from/to days in UTC, targetId, q in the summary) combine; ' +
          'pass nextCursor as cursor for the next page.',
        querystring: ActivityQuery,
        response: { 200: ActivityPage },
      },
    },
    async (req) => {
      const page = await listActivity({ store: app.store, actor: req.actor, query: req.query });
      return { items: page.items.map(presentActivity), nextCursor: page.nextCursor };
    },
  );
};
