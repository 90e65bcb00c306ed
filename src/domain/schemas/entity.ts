import { z } from 'zod';
import { Id, LanguageCode, Problem, Timestamp } from './common.ts';
import { EntityTranslations, EntityTranslationsPatch } from './translations.ts';

/** Metadata values keyed by property name; their shape is checked against the template on every write. */
export const Metadata = z.record(z.string(), z.unknown()).describe('Values keyed by property name');
export type Metadata = Record<string, unknown>;

/** A day (YYYY-MM-DD), as curators date their reviews. */
export const ReviewDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day, YYYY-MM-DD');

/**
 * When a curator last checked a profile, and each of its sections (by the template's section heading),
 * against the sources. Shown to readers instead of the write time, which a re-import or bulk edit moves.
 */
export const LastReviewed = z
  .object({
    profile: ReviewDate.nullable().describe('The whole profile; null: never reviewed'),
    sections: z
      .record(z.string().min(1).max(200), ReviewDate)
      .describe("By section heading of the entity's template"),
  })
  .describe('Set by editors; replaced whole');
export type LastReviewed = z.infer<typeof LastReviewed>;
export const NOT_REVIEWED: LastReviewed = { profile: null, sections: {} };

/** Input for creating an entity. */
export const EntityInput = z.object({
  template: z.string().min(1).describe('Template name (State, Organisation, Document…)'),
  title: z.string().trim().min(1).max(500),
  language: LanguageCode.default('en'),
  published: z.boolean().default(false).describe('Published entities are visible to anonymous readers'),
  metadata: Metadata.default({}),
  translations: EntityTranslations.default({}),
  lastReviewed: LastReviewed.optional().describe('Only editors and admins may set it'),
});
export type EntityInput = z.input<typeof EntityInput>;

/** The version a write is based on; a write based on an older one answers 409 with the current entity. */
export const EntityVersion = z
  .number()
  .int()
  .min(1)
  .describe('The version this write is based on (or send it as If-Match); an older one answers 409');

/**
 * `PATCH /entities/:id` as a JSON Merge Patch (RFC 7396): an absent member is untouched, `null` removes it,
 * objects (`metadata`, `lastReviewed`) are merged key by key. Title, language and published cannot be removed.
 * Not a `.partial()` of EntityInput, whose defaults would fill in `published: false` and `metadata: {}`.
 */
export const EntityPatch = z.object({
  title: EntityInput.shape.title.optional(),
  language: LanguageCode.optional(),
  published: z.boolean().optional().describe('Only editors and admins may change it'),
  metadata: Metadata.nullable()
    .optional()
    .describe(
      'Merged key by key: an absent key is untouched, null removes it; null as a whole removes every key',
    ),
  translations: EntityTranslationsPatch.nullable().optional(),
  lastReviewed: z
    .object({
      profile: ReviewDate.nullable().optional(),
      sections: z.record(z.string().min(1).max(200), ReviewDate.nullable()).nullable().optional(),
    })
    .nullable()
    .optional()
    .describe('Only editors and admins may change it; merged like metadata (null removes a section)'),
  version: EntityVersion.optional(),
});
export type EntityPatch = z.infer<typeof EntityPatch>;

/** `PUT /entities/:id`: the whole entity replaced (absent metadata keys are removed); the version is required. */
export const EntityReplace = z.object({
  title: EntityInput.shape.title,
  language: LanguageCode.default('en'),
  published: z.boolean().default(false).describe('Changing it needs an editor'),
  metadata: Metadata.default({}),
  translations: EntityTranslations.default({}),
  lastReviewed: LastReviewed.optional().describe('Only editors and admins may change it; absent: unchanged'),
  version: EntityVersion.optional().describe('Required here or as If-Match (428 without either)'),
});
export type EntityReplace = z.input<typeof EntityReplace>;

/** One changed field of an entity write: a top-level field or `metadata.<key>`; absent before/after: absent. */
export const EntityChange = z.object({
  field: z
    .string()
    .describe(
      'title, language, published, lastReviewed, metadata.<key>, translations.<lang>.title or .<key>',
    ),
  before: z.unknown().optional().describe('Absent: the field did not exist'),
  after: z.unknown().optional().describe('Absent: the field was removed'),
});
export type EntityChange = z.infer<typeof EntityChange>;

/** A stored entity as the API returns it. */
export const Entity = z.object({
  id: Id,
  template: z.string(),
  title: z.string(),
  language: LanguageCode,
  published: z.boolean(),
  metadata: Metadata,
  translations: EntityTranslations,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  createdBy: Id.nullable(),
  lastReviewed: LastReviewed,
  version: z.number().int().min(1).describe('Incremented by every write; also the ETag of GET /entities/:id'),
});
export type Entity = z.infer<typeof Entity>;

/** 409 to a write based on an old version: the entity as it is now, to show beside the rejected change. */
export const VersionConflictProblem = Problem.extend({
  current: Entity.optional().describe(
    'The entity as it is now (absent when the conflict is not about a version)',
  ),
});
export type VersionConflictProblem = z.infer<typeof VersionConflictProblem>;

/** Most entities one page of GET /entities returns. */
export const ENTITY_LIST_LIMIT_MAX = 500;

/** Query of the entity list endpoint. */
export const EntityListQuery = z.object({
  template: z.string().optional().describe('Only entities of this template'),
  limit: z.coerce.number().int().min(1).max(ENTITY_LIST_LIMIT_MAX).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(['title', 'updatedAt', 'createdAt']).default('title'),
  ids: z
    .string()
    .regex(/^[^,]+(,[^,]+){0,99}$/, 'at most 100 ids, separated by commas')
    .optional()
    .describe('Only these entities (comma-separated ids, at most 100): the other ends of a page of a list'),
});
export type EntityListQuery = z.infer<typeof EntityListQuery>;

/** Partial dates as the portal shows them: a year, a month or a day. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** The value shape of each property type. */
export const LinkValue = z.object({
  label: z.string().max(300).default(''),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
});
/** Path of a file's bytes under the API: what a media or image value holds for a file of this portal. */
export const fileDownloadPath = (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}/download`;
/** The id of this portal's file a media or image value points at, or null for any other address. */
export const fileIdOfPath = (url: string): string | null =>
  /^\/api\/v1\/files\/([A-Za-z0-9_-]+)\/download$/.exec(url)?.[1] ?? null;
/**
 * A media (audio, video, any file) or image value: an http(s) URL, or a path on this site (a file of the
 * portal, `/api/v1/files/<id>/download`, or an imported path that could not be rewritten, kept as data).
 * Never `javascript:` or another scheme, since it becomes a link and an image source.
 */
export const MediaValue = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(
    (u) => (/^https?:\/\/[^\s/]+[^\s]*$/i.test(u) && URL.canParse(u)) || /^\/(?!\/)[^\s]*$/.test(u),
    'must be an http(s) URL or a path on this site',
  );
export const DateRangeValue = z
  .object({ from: PartialDate.optional(), to: PartialDate.optional() })
  .refine((r) => r.from || r.to, 'needs from or to')
  .refine((r) => !r.from || !r.to || r.from <= r.to, 'from must not be after to');
export const GeolocationValue = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  label: z.string().max(300).optional(),
});
