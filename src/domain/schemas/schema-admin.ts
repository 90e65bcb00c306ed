import { z } from 'zod';
import { Problem } from './common.ts';
import { RelationType } from './reference.ts';
import { Template } from './template.ts';
import { Thesaurus, ThesaurusValue } from './thesaurus.ts';

// The admin side of the collection's schema (issue 10, item 6): what a template change would do to the
// entities that have values, the background job that follows a saved change, thesaurus merges and CSV,
// relation type renames and deletes.

/** What changing or removing one property would do to the values entities already hold. */
export const PropertyChange = z.object({
  property: z.string().describe('Property name (its key in metadata)'),
  label: z.string(),
  change: z
    .enum(['removed', 'type', 'thesaurus', 'targetTemplate'])
    .describe('removed, or what of the property changed'),
  from: z.string().describe('The type, thesaurus or target template before'),
  to: z.string().nullable().describe('… and after (null: removed)'),
  withValue: z.number().int().describe('Entities holding a value for this property'),
  wouldNotConvert: z
    .number()
    .int()
    .describe(
      'Of those, entities whose value cannot become a value of the new definition (it would be removed)',
    ),
  examples: z
    .array(z.object({ entityId: z.string(), title: z.string(), value: z.unknown() }))
    .max(5)
    .describe('A few of the values that would not convert'),
});
export type PropertyChange = z.infer<typeof PropertyChange>;

/** `POST /templates/:name/check`: the effect of a template change on the stored entities, before saving. */
export const TemplateCheck = z.object({
  template: z.string(),
  entities: z.number().int().describe('Entities of this template'),
  changes: z.array(PropertyChange),
  missingRequired: z
    .array(z.object({ property: z.string(), label: z.string(), count: z.number().int() }))
    .describe('New or newly required properties and how many entities have no value for them'),
  needsConfirmation: z
    .boolean()
    .describe(
      'Saving would remove values (a removed property, values that do not convert): PUT needs ?confirm=true',
    ),
});
export type TemplateCheck = z.infer<typeof TemplateCheck>;

/** The 409 of a PUT that would remove values and was not confirmed. */
export const TemplateChangeProblem = Problem.extend({ check: TemplateCheck });
export type TemplateChangeProblem = z.infer<typeof TemplateChangeProblem>;

export const TemplateSaveQuery = z.object({
  confirm: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Save even though values would be removed (see POST /templates/:name/check)'),
});

/** A saved template and the background job bringing entities and search in step with it (null: nothing to do). */
export const TemplateSaved = Template.extend({
  jobId: z.number().int().nullable().describe('Follow at GET /schema-jobs/:id'),
});
export type TemplateSaved = z.infer<typeof TemplateSaved>;

/** A saved thesaurus and the jobs reindexing the entities that show its labels, one per template. */
export const ThesaurusSaved = Thesaurus.extend({
  jobIds: z.array(z.number().int()).describe('Follow each at GET /schema-jobs/:id'),
});
export type ThesaurusSaved = z.infer<typeof ThesaurusSaved>;

/** Where a schema job stands: entities rewritten and reindexed after a template or thesaurus change. */
export const SchemaJobStatus = z.object({
  id: z.number().int(),
  template: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  progress: z.number().min(0).max(1),
  changed: z.number().int().describe('Entities whose values were rewritten (each logged)'),
  error: z.string().nullable(),
});
export type SchemaJobStatus = z.infer<typeof SchemaJobStatus>;

export const JobIdParams = z.object({ id: z.coerce.number().int().min(1) });

/** How many entities hold each value of a thesaurus (for the editor: what a removal or merge touches). */
export const ThesaurusUsage = z.object({
  entities: z.record(z.string(), z.number().int()).describe('Entities holding the value, by value id'),
});
export type ThesaurusUsage = z.infer<typeof ThesaurusUsage>;

/** `POST /thesauri/:name/merge`: every entity holding `from` gets `into` instead, then `from` is removed. */
export const ThesaurusMergeInput = z
  .object({
    from: z.string().min(1).describe('The value that goes away'),
    into: z.string().min(1).describe('The value that takes its place'),
  })
  .refine((m) => m.from !== m.into, { path: ['into'], message: 'must differ from "from"' });
export type ThesaurusMergeInput = z.infer<typeof ThesaurusMergeInput>;

export const ThesaurusMergeResult = z.object({
  thesaurus: Thesaurus,
  changed: z.number().int().describe('Entities updated, each with an activity entry'),
  failed: z.array(z.object({ id: z.string(), message: z.string() })),
  activityIds: z.array(z.number().int()).describe('The entries to revert (POST /activity/revert) to undo'),
  removed: ThesaurusValue.nullable().describe('The merged value, to put back before reverting'),
  removedAt: z.number().int().describe('Its position among the values'),
});
export type ThesaurusMergeResult = z.infer<typeof ThesaurusMergeResult>;

/** `POST /thesauri/:name/csv`: a CSV of values (id, group, one column per language), checked first. */
export const ThesaurusCsvImportInput = z.object({
  csv: z.string().min(1).max(5_000_000),
  dryRun: z.boolean().default(true).describe('Only check (the default); false writes when nothing is wrong'),
});
export type ThesaurusCsvImportInput = z.infer<typeof ThesaurusCsvImportInput>;

/** One refused row of a CSV: `message` in English, `code` and `params` for a client to word it (decision 64). */
export const CsvRowError = z.object({
  row: z.number().int().describe('The row as a spreadsheet counts it (the header is 1)'),
  message: z.string(),
  code: z
    .string()
    .optional()
    .describe('csv.empty, csv.cellCount, thesaurusCsv.noLabel, thesaurusCsv.sameValue…'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CsvRowError = z.infer<typeof CsvRowError>;

export const ThesaurusCsvImportResult = z.object({
  added: z.array(ThesaurusValue),
  updated: z.array(z.object({ id: z.string(), label: z.string(), languages: z.array(z.string()) })),
  unchanged: z.number().int(),
  errors: z.array(CsvRowError),
  applied: z.boolean(),
  jobIds: z.array(z.number().int()),
});
export type ThesaurusCsvImportResult = z.infer<typeof ThesaurusCsvImportResult>;

/** Where the references and properties using a relation type would go when it is deleted. */
export const RelationTypeDeleteQuery = z.object({
  moveTo: z.string().optional().describe('Another relation type that takes over its connections'),
});

export const RelationTypeUsage = z.object({
  references: z.number().int().describe('Connections of this type'),
  properties: z.array(z.string()).describe('Template properties carrying it, as Template.property'),
});
export type RelationTypeUsage = z.infer<typeof RelationTypeUsage>;

/** The 409 of a delete refused because the type is in use. */
export const RelationTypeInUseProblem = Problem.extend({ usage: RelationTypeUsage });

export const RelationTypeWithUsage = RelationType.extend({ usage: RelationTypeUsage });
export type RelationTypeWithUsage = z.infer<typeof RelationTypeWithUsage>;

/**
 * The job that brings a template's entities in step with a saved change: values of removed properties
 * dropped, changed ones converted (each rewritten entity logged), every entity reindexed. Payload
 * `SchemaJobPayload`; batches move `done` in their own transaction, so a killed job goes on from there.
 */
export const SCHEMA_JOB = 'schema-change';
