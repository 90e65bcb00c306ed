import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MissingTranslations, MissingTranslationsQuery } from '../../domain/schemas/missing-translations.ts';
import { listMissingTranslations } from '../../operations/list-missing-translations.ts';

/** What is not translated yet, per language (editors: the list names unpublished entities too). */
export const translationsRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/translations/missing',
    {
      schema: {
        tags: ['translations'],
        summary: 'Per language, the entities and labels not translated into it (editor)',
        querystring: MissingTranslationsQuery,
        response: { 200: MissingTranslations },
      },
    },
    async (req) => listMissingTranslations({ store: app.store, query: req.query }),
  );
};
