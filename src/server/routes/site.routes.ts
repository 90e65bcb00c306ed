import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SiteSettings } from '../../domain/schemas/site.ts';
import { getSiteSettings, saveSiteSettings } from '../../operations/site-settings.ts';

/** The site's name, contact, footer and profile templates: everyone reads them, admins write them. */
export const siteRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['site'];
  r.get(
    '/site',
    { schema: { tags, summary: 'The site settings', response: { 200: SiteSettings } } },
    async () => getSiteSettings({ store: app.store }),
  );
  r.put(
    '/site',
    {
      schema: {
        tags,
        summary: 'Replace the site settings (admin)',
        description: 'Both profile templates must exist and differ; the change is logged with its diff.',
        body: SiteSettings,
        response: { 200: SiteSettings },
      },
    },
    async (req) => saveSiteSettings({ store: app.store, actor: req.actor, input: req.body }),
  );
};
