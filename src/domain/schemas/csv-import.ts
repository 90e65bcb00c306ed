import { z } from 'zod';
import { FieldError } from './common.ts';
import { JOB_STATUSES } from './job.ts';

const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true')
  .default(false);

/** How a CSV or ZIP import runs (query of `POST /imports/csv`, beside the multipart field "file"). */
export const CsvImportOptions = z.object({
  template: z.string().min(1).describe('The template of every row'),
  addNewValues: flag.describe('Add thesaurus values the file names that do not exist yet (each label once)'),
  publish: flag.describe('Publish every row, unless a "published" column says otherwise'),
  skipInvalid: flag.describe('Import the valid rows even when others have problems'),
  dryRun: flag.describe('Check every row and answer the preview; write nothing'),
});
export type CsvImportOptions = z.infer<typeof CsvImportOptions>;

/** A reason a row (spreadsheet numbering, the header is row 1) or a column cannot be imported. */
export const ImportProblem = z.object({
  row: z.number().int().optional(),
  column: z.string().optional(),
  message: z.string().describe('Why, in English'),
  code: FieldError.shape.code,
  params: FieldError.shape.params,
});

/** What an import would write, answered before anything is written. */
export const CsvImportPreview = z.object({
  template: z.string(),
  delimiter: z.string(),
  rows: z.number().int(),
  valid: z.number().int(),
  columns: z.array(z.object({ name: z.string(), meaning: z.string() })),
  problems: z.array(ImportProblem),
  newValues: z.array(
    z.object({
      thesaurus: z.string(),
      id: z.string(),
      label: z.string(),
      group: z.string().optional().describe('Id of the group value the new value goes under'),
    }),
  ),
  preview: z
    .array(
      z.object({ row: z.number().int(), title: z.string(), metadata: z.record(z.string(), z.unknown()) }),
    )
    .describe('The first valid rows as they would be written'),
  started: z.boolean().describe('True when the import was started (202): follow it at GET /imports/:id'),
  jobId: z.number().int().optional(),
});
export type CsvImportPreview = z.infer<typeof CsvImportPreview>;

/** Where a running or finished import stands. */
export const CsvImportStatus = z.object({
  id: z.number().int(),
  name: z.string(),
  template: z.string(),
  status: z.enum(JOB_STATUSES),
  rows: z.number().int().describe('Valid rows to write'),
  created: z.number().int().describe('Entities written so far'),
  progress: z.number().describe('0 to 1'),
  error: z.string().nullable(),
});
export type CsvImportStatus = z.infer<typeof CsvImportStatus>;
