import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NameParams } from '../../domain/schemas/api.ts';
import {
  JobIdParams,
  SchemaJobStatus,
  TemplateCheck,
  TemplateSaved,
  TemplateSaveQuery,
} from '../../domain/schemas/schema-admin.ts';
import { Template, TemplateInput } from '../../domain/schemas/template.ts';
import { getTemplate } from '../../operations/get-template.ts';
import { listTemplates } from '../../operations/list-templates.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { checkTemplate } from '../../operations/schema/check-template-change.ts';
import { getSchemaJob, runSchemaJobsSoon } from '../../operations/schema/schema-jobs.ts';
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
        description:
          'A change that would remove stored values (a removed property, values that do not convert to a new ' +
          'type, thesaurus or target template) answers 409 with `check` (as POST /templates/:name/check) and ' +
          'saves nothing, unless `confirm=true`. Once saved, `jobId` names the background job that rewrites ' +
          "the entities' values and reindexes them (GET /schema-jobs/:id); null when there are no entities.",
        params: NameParams,
        querystring: TemplateSaveQuery,
        body: TemplateInput,
        response: { 200: TemplateSaved },
      },
    },
    async (req) => {
      const saved = await saveTemplate({
        store: app.store,
        actor: req.actor,
        input: req.body,
        name: req.params.name,
        confirm: req.query.confirm,
      });
      runSchemaJobsSoon(app.store, [saved.jobId], (err) => app.log.error({ err }, 'schema job stopped'));
      return { ...presentTemplate(saved), jobId: saved.jobId };
    },
  );
  r.post(
    '/templates/:name/check',
    {
      schema: {
        tags,
        summary: 'What a template change would do to stored values, without saving (admin)',
        description:
          'Reads every entity of the template: per removed or changed property, how many hold a value and how ' +
          'many of those would not convert; per newly required property, how many have no value.',
        params: NameParams,
        body: TemplateInput,
        response: { 200: TemplateCheck },
      },
    },
    async (req) =>
      checkTemplate({ store: app.store, actor: req.actor, name: req.params.name, input: req.body }),
  );
  r.get(
    '/schema-jobs/:id',
    {
      schema: {
        tags,
        summary: 'Where the rewrite and reindex after a template or thesaurus change stand (admin)',
        params: JobIdParams,
        response: { 200: SchemaJobStatus },
      },
    },
    async (req) => getSchemaJob({ store: app.store, actor: req.actor, id: req.params.id }),
  );
};
