import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NameParams } from '../../domain/schemas/api.ts';
import { Template, TemplateInput } from '../../domain/schemas/template.ts';
import { getTemplate } from '../../operations/get-template.ts';
import { listTemplates } from '../../operations/list-templates.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { presentTemplate } from '../presenters/vocabulary.presenter.ts';

/** Templates: public reads, admin writes. */
export const templatesRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['templates'];
  r.get(
    '/templates',
    { schema: { tags, summary: 'Every template', response: { 200: z.array(Template) } } },
    async () => (await listTemplates({ store: app.store })).map(presentTemplate),
  );
  r.get(
    '/templates/:name',
    { schema: { tags, summary: 'One template', params: NameParams, response: { 200: Template } } },
    async (req) => presentTemplate(await getTemplate({ store: app.store, name: req.params.name })),
  );
  r.post(
    '/templates',
    {
      schema: {
        tags,
        summary: 'Create a template (admin)',
        body: TemplateInput,
        response: { 201: Template },
      },
    },
    async (req, reply) => {
      const t = await saveTemplate({ store: app.store, actor: req.actor, input: req.body });
      return reply.code(201).send(presentTemplate(t));
    },
  );
  r.put(
    '/templates/:name',
    {
      schema: {
        tags,
        summary: 'Replace a template (admin)',
        params: NameParams,
        body: TemplateInput,
        response: { 200: Template },
      },
    },
    async (req) =>
      presentTemplate(
        await saveTemplate({ store: app.store, actor: req.actor, input: req.body, name: req.params.name }),
      ),
  );
};
