import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActivityQuery } from '../../domain/schemas/api.ts';
import { Activity } from '../../domain/schemas/user.ts';
import { listActivity } from '../../operations/list-activity.ts';
import { presentActivity } from '../presenters/user.presenter.ts';

/** The activity log (admins only). */
export const activityRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/activity',
    {
      schema: {
        tags: ['activity'],
        summary: 'Who did what, newest first (admin)',
        querystring: ActivityQuery,
        response: { 200: z.object({ items: z.array(Activity) }) },
      },
    },
    async (req) => ({
      items: (await listActivity({ store: app.store, actor: req.actor, ...req.query })).map(presentActivity),
    }),
  );
};
