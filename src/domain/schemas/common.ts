import { z } from 'zod';

/** Entity, file and other record ids: 10–16 lowercase letters and digits (short, URL-safe, citable). */
export const Id = z
  .string()
  .regex(/^[a-z0-9]{6,32}$/, 'must be 6–32 lowercase letters or digits')
  .describe('Record id');
export type Id = z.infer<typeof Id>;

/** ISO 8601 timestamp as written by the store. */
export const Timestamp = z.string().describe('ISO 8601 timestamp (UTC)');

/** The six UN languages plus any other ISO 639-1 code found in documents. */
export const UN_LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code')
  .describe('ISO 639-1 language code');

/**
 * One reason a field was refused. `message` is English, for API clients and logs; `code` and `params` let a
 * client say the same in its reader's language (the web app's `problems.*` strings), `message` standing in
 * for a code it does not know.
 */
export const FieldError = z.object({
  path: z.string().describe('The field, dotted (`metadata.status`, `translations.fr.title`)'),
  message: z.string().describe('Why, in English'),
  code: z
    .string()
    .optional()
    .describe(
      'Stable reason: required, notInThesaurus, noSuchEntity, wrongTemplate, invalidValue, zod.too_big…',
    ),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe('Values the reason names (property, value, maximum…)'),
});
export type FieldError = z.infer<typeof FieldError>;

/** An RFC 9457 problem document; every API error has this shape. */
export const Problem = z.object({
  type: z.string().describe('URI reference that identifies the problem type'),
  title: z.string().describe('Short, human-readable summary'),
  status: z.number().int().describe('HTTP status code'),
  detail: z.string().optional().describe('Explanation specific to this occurrence'),
  errors: z.array(FieldError).optional().describe('One entry per invalid field'),
  code: z
    .string()
    .optional()
    .describe(
      'Stable reason of a refusal (409): templateExists, lastAdmin, valuesInUse…, for a client to word',
    ),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe('Values the reason names (names, counts)'),
});
export type Problem = z.infer<typeof Problem>;

/** Offset paging used by simple list endpoints. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Items per page (1–500)'),
  offset: z.coerce.number().int().min(0).default(0).describe('Items to skip'),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items with the total count. */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
