import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CsvImportOptions, CsvImportPreview, CsvImportStatus } from '../../domain/schemas/csv-import.ts';
import { TooLarge, ValidationFailed } from '../../operations/errors.ts';
import { getCsvImport, startCsvImport } from '../../operations/import-csv/csv-import-jobs.ts';

/** Where an import's file is kept until it is done, so a server taking it up after a restart can read it. */
export const importStageDir = (dataDir: string) => join(dataDir, 'imports');

/** CSV and ZIP imports in Uwazi's format (admins): a preview with every problem, then a durable job. */
export const importsRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['imports'];
  r.post(
    '/imports/csv',
    {
      schema: {
        tags,
        summary: 'Check a CSV, or a ZIP with import.csv and files, and import it (admin)',
        description:
          'Multipart field "file". Every row is checked first; the answer lists each problem by row and column, ' +
          'the thesaurus values that would be added and the first rows as they would be written. With ' +
          '`dryRun`, or any problem (rows with problems unless `skipInvalid`), nothing is written (200). ' +
          'Otherwise the import starts as a durable job (202 with `jobId`, followed at GET /imports/:id); a ' +
          'server stopped mid-way takes it up again after its last written row when it starts.',
        consumes: ['multipart/form-data'],
        querystring: CsvImportOptions,
        response: { 200: CsvImportPreview, 202: CsvImportPreview },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new ValidationFailed([
          { path: 'file', message: 'send the file as multipart/form-data field "file"' },
        ]);
      const part = await req.file({ limits: { fileSize: app.config.maxUploadBytes, files: 1 } });
      if (part?.fieldname !== 'file')
        throw new ValidationFailed([
          { path: 'file', message: 'send the file in a multipart field named "file"' },
        ]);
      const bytes = await part.toBuffer().catch((err: Error) => {
        if (part.file.truncated) throw new TooLarge(app.config.maxUploadBytes);
        throw err;
      });
      const preview = await startCsvImport({
        store: app.store,
        actor: req.actor,
        bytes,
        name: part.filename,
        options: req.query,
        stageDir: importStageDir(app.config.dataDir),
        onError: (err) => app.log.error({ err }, 'CSV import stopped'),
      });
      return reply.code(preview.started ? 202 : 200).send(preview);
    },
  );
  r.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Where an import stands: rows written, progress, error (admin)',
        params: z.object({ id: z.coerce.number().int().min(1) }),
        response: { 200: CsvImportStatus },
      },
    },
    async (req) => getCsvImport({ store: app.store, actor: req.actor, id: req.params.id }),
  );
};
