import { z } from 'zod';
import { ContentLanguage } from './translations.ts';

/** What a missing translation belongs to: an entity's title or text, or a label of the vocabulary. */
export const MISSING_KINDS = [
  'entity',
  'template',
  'property',
  'section',
  'thesaurus',
  'value',
  'relation',
] as const;
export const MissingKind = z.enum(MISSING_KINDS);
export type MissingKind = z.infer<typeof MissingKind>;

/** One thing not yet translated into a language, with what an editor needs to find and fix it. */
export const MissingItem = z.object({
  kind: MissingKind,
  id: z.string().describe('Entity id, or the name of the template, thesaurus or relation type'),
  key: z
    .string()
    .nullable()
    .describe('Property name, section name or thesaurus value id within it; null for the whole'),
  text: z.string().describe('What is shown instead: the default-language title or label'),
  template: z.string().nullable().describe("The entity's template (entities only)"),
  fields: z.array(z.string()).describe('Entities: the untranslated fields, `title` or property names'),
});
export type MissingItem = z.infer<typeof MissingItem>;

/** Counts of one language: entities with at least one untranslated field, and labels without a translation. */
export const MissingCounts = z.object({
  entities: z.number().int(),
  labels: z.number().int().describe('Template, property, section and relation type labels'),
  values: z.number().int().describe('Thesauri and their values'),
});

export const MissingTranslationsQuery = z.object({
  lang: ContentLanguage.optional().describe('The language to list items for; counts cover all six'),
  kind: z.enum(['entities', 'labels', 'values']).optional().describe('Only items counted under this'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MissingTranslationsQuery = z.infer<typeof MissingTranslationsQuery>;

/** `GET /translations/missing`: per language what is not translated yet, and a page of it for one language. */
export const MissingTranslations = z.object({
  defaultLanguage: z.string().describe('Labels are written in it first; entities each have their own'),
  counts: z.partialRecord(ContentLanguage, MissingCounts),
  lang: ContentLanguage.nullable().describe('The language `items` are for'),
  items: z.array(MissingItem),
  total: z.number().int().describe('Items of that language (and kind) in all'),
});
export type MissingTranslations = z.infer<typeof MissingTranslations>;
