import { z } from 'zod';
import { UI_LANGUAGES } from '../languages.ts';

/**
 * The six official UN languages content can be written in. One record holds all six (decision 31): the
 * default-language values stay in `title`/`metadata`/`label`, the others sit beside them.
 */
export const ContentLanguage = z
  .enum(UI_LANGUAGES)
  .describe('One of the six UN languages: ar zh en fr ru es');
export type ContentLanguage = z.infer<typeof ContentLanguage>;

/** A label in other languages than the default one, beside the default `label`. */
export const Labels = z
  .partialRecord(ContentLanguage, z.string().trim().min(1).max(300))
  .describe('The label in other UN languages, by language code');
export type Labels = z.infer<typeof Labels>;

/** A longer text (a glossary definition) in other languages. */
export const LongLabels = z
  .partialRecord(ContentLanguage, z.string().trim().min(1).max(2000))
  .describe('The text in other UN languages, by language code');
export type LongLabels = z.infer<typeof LongLabels>;

/**
 * An entity's values in one language other than its default: its title, and the values of its
 * translatable properties (text, markdown, link). Every other property type is shared by all languages.
 */
export const EntityTranslation = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  metadata: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Values of text, markdown and link properties in this language, keyed by property name'),
});
export type EntityTranslation = z.infer<typeof EntityTranslation>;

export const EntityTranslations = z
  .partialRecord(ContentLanguage, EntityTranslation)
  .describe("The entity's title and texts in other UN languages, by language code");
export type EntityTranslations = z.infer<typeof EntityTranslations>;

/** Translations in a JSON Merge Patch: `null` removes a language, a title or a value. */
export const EntityTranslationsPatch = z
  .partialRecord(
    ContentLanguage,
    z
      .object({
        title: z.string().trim().min(1).max(500).nullable().optional(),
        metadata: z.record(z.string(), z.unknown()).nullable().optional(),
      })
      .nullable(),
  )
  .describe('Merged language by language and key by key; null removes');
export type EntityTranslationsPatch = z.infer<typeof EntityTranslationsPatch>;
