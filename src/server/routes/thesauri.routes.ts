import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NameParams } from '../../domain/schemas/api.ts';
import {
  ThesaurusCsvImportInput,
  ThesaurusCsvImportResult,
  ThesaurusMergeInput,
  ThesaurusMergeResult,
  ThesaurusSaved,
  ThesaurusUsage,
} from '../../domain/schemas/schema-admin.ts';
import { Thesaurus, ThesaurusInput } from '../../domain/schemas/thesaurus.ts';
import { getThesaurus } from '../../operations/get-thesaurus.ts';
import { listThesauri } from '../../operations/list-thesauri.ts';
import { requireRole } from '../../operations/permissions.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { mergeThesaurusValues } from '../../operations/schema/merge-thesaurus-values.ts';
import { runSchemaJobsSoon } from '../../operations/schema/schema-jobs.ts';
import { exportThesaurusCsv, importThesaurusCsv } from '../../operations/schema/thesaurus-csv.ts';
import { thesaurusUsage } from '../../operations/schema/thesaurus-usage.ts';
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
  const follow = (ids: number[]) =>
    runSchemaJobsSoon(app.store, ids, (err) => app.log.error({ err }, 'schema job stopped'));
  r.put(
    '/thesauri/:name',
    {
      schema: {
        tags,
        summary: 'Replace a thesaurus (admin)',
        description:
          'Removing a value entities hold is refused (409; merge it instead). Relabelled values are reindexed ' +
          'in the background: `jobIds`, one per template using the thesaurus (GET /schema-jobs/:id).',
        params: NameParams,
        body: ThesaurusInput,
        response: { 200: ThesaurusSaved },
      },
    },
    async (req) => {
      const saved = await saveThesaurus({
        store: app.store,
        actor: req.actor,
        input: req.body,
        name: req.params.name,
      });
      follow(saved.jobIds);
      return { ...presentThesaurus(saved), jobIds: saved.jobIds };
    },
  );
  r.get(
    '/thesauri/:name/usage',
    {
      schema: {
        tags,
        summary: 'How many entities hold each value (admin)',
        params: NameParams,
        response: { 200: ThesaurusUsage },
      },
    },
    async (req) => {
      requireRole(req.actor, 'admin');
      await getThesaurus({ store: app.store, name: req.params.name });
      return { entities: Object.fromEntries(await thesaurusUsage(app.store, req.params.name)) };
    },
  );
  r.post(
    '/thesauri/:name/merge',
    {
      schema: {
        tags,
        summary: 'Merge one value into another: every entity holding it is updated (admin)',
        description:
          'Each updated entity gets one activity entry (`activityIds`). Undo: put `removed` back at ' +
          '`removedAt` (PUT /thesauri/:name), then POST /activity/revert with `activityIds`.',
        params: NameParams,
        body: ThesaurusMergeInput,
        response: { 200: ThesaurusMergeResult },
      },
    },
    async (req) => {
      const r = await mergeThesaurusValues({
        store: app.store,
        actor: req.actor,
        name: req.params.name,
        input: req.body,
      });
      return { ...r, thesaurus: presentThesaurus(r.thesaurus) };
    },
  );
  r.get(
    '/thesauri/:name/csv',
    {
      schema: {
        tags,
        summary: 'One thesaurus as CSV: id, group and one column per language',
        params: NameParams,
      },
    },
    async (req, reply) => {
      const csv = await exportThesaurusCsv({ store: app.store, name: req.params.name });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.name}.csv"`)
        .send(csv);
    },
  );
  r.post(
    '/thesauri/:name/csv',
    {
      schema: {
        tags,
        summary: 'Check, then import, a CSV of values into a thesaurus (admin)',
        description:
          'Rows are matched to values by id or by any label; matched rows change labels only, others add ' +
          'values; nothing is ever duplicated. `dryRun` (the default) only checks; a file with any error ' +
          'writes nothing.',
        params: NameParams,
        body: ThesaurusCsvImportInput,
        response: { 200: ThesaurusCsvImportResult },
      },
    },
    async (req) => {
      const r = await importThesaurusCsv({
        store: app.store,
        actor: req.actor,
        name: req.params.name,
        input: req.body,
      });
      follow(r.jobIds);
      return r;
    },
  );
};
