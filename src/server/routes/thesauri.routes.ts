import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NameParams } from '../../domain/schemas/api.ts';
import { Thesaurus, ThesaurusInput } from '../../domain/schemas/thesaurus.ts';
import { getThesaurus } from '../../operations/get-thesaurus.ts';
import { listThesauri } from '../../operations/list-thesauri.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { presentThesaurus } from '../presenters/vocabulary.presenter.ts';

/** Thesauri: public reads, admin writes. */
export const thesauriRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['thesauri'];
  r.get(
    '/thesauri',
    { schema: { tags, summary: 'Every thesaurus', response: { 200: z.array(Thesaurus) } } },
    async () => (await listThesauri({ store: app.store })).map(presentThesaurus),
  );
  r.get(
    '/thesauri/:name',
    { schema: { tags, summary: 'One thesaurus', params: NameParams, response: { 200: Thesaurus } } },
    async (req) => presentThesaurus(await getThesaurus({ store: app.store, name: req.params.name })),
  );
  r.post(
    '/thesauri',
    {
      schema: {
        tags,
        summary: 'Create a thesaurus (admin)',
        body: ThesaurusInput,
        response: { 201: Thesaurus },
      },
    },
    async (req, reply) => {
      const t = await saveThesaurus({ store: app.store, actor: req.actor, input: req.body });
      return reply.code(201).send(presentThesaurus(t));
    },
  );
  r.put(
    '/thesauri/:name',
    {
      schema: {
        tags,
        summary: 'Replace a thesaurus (admin)',
        params: NameParams,
        body: ThesaurusInput,
        response: { 200: Thesaurus },
      },
    },
    async (req) =>
      presentThesaurus(
        await saveThesaurus({ store: app.store, actor: req.actor, input: req.body, name: req.params.name }),
      ),
  );
};
