import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../domain/schemas/api.ts';
import {
  ProfileView,
  SectionPage,
  SectionPageQuery,
  SectionParams,
} from '../../domain/schemas/profile-view.ts';
import { getProfileSection, getProfileView } from '../../operations/get-profile-view.ts';
import { answerCache } from '../answer-cache.ts';

/** A profile's page, bounded however many entities its sections list: first items and counts, then pages. */
export const profilesRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['entities'];
  const views = answerCache<ProfileView>();
  const pages = answerCache<SectionPage>();
  r.get(
    '/entities/:id/profile',
    {
      schema: {
        tags,
        summary: "A profile: the entity and each relationship section's first entities and count",
        params: IdParams,
        response: { 200: ProfileView },
      },
    },
    async (req) =>
      views(req, () => getProfileView({ store: app.store, actor: req.actor, id: req.params.id })),
  );
  r.get(
    '/entities/:id/sections/:property',
    {
      schema: {
        tags,
        summary: 'A page of one relationship section of a profile (anonymous readers: published only)',
        params: SectionParams,
        querystring: SectionPageQuery,
        response: { 200: SectionPage },
      },
    },
    async (req) =>
      pages(req, () =>
        getProfileSection({ store: app.store, actor: req.actor, ...req.params, ...req.query }),
      ),
  );
};
