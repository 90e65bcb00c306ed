import { z } from 'zod';
import { Id, LanguageCode, Timestamp } from './common.ts';

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
  lastReviewed: LastReviewed.optional().describe('Only editors and admins may set it'),
});
export type EntityInput = z.input<typeof EntityInput>;

/**
 * Input for updating an entity (`PATCH /entities/:id`): absent keys stay absent and change nothing. Not a
 * `.partial()` of EntityInput, whose defaults would fill in `published: false` and `metadata: {}`.
 */
export const EntityPatch = z.object({
  title: EntityInput.shape.title.optional(),
  language: LanguageCode.optional(),
  published: z.boolean().optional().describe('Only editors and admins may change it'),
  metadata: Metadata.optional().describe('Replaces the metadata whole'),
  lastReviewed: LastReviewed.optional().describe('Only editors and admins may change it; replaced whole'),
});
export type EntityPatch = z.infer<typeof EntityPatch>;

/** A stored entity as the API returns it. */
export const Entity = z.object({
  id: Id,
  template: z.string(),
  title: z.string(),
  language: LanguageCode,
  published: z.boolean(),
  metadata: Metadata,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  createdBy: Id.nullable(),
  lastReviewed: LastReviewed,
});
export type Entity = z.infer<typeof Entity>;

/** Most entities one page of GET /entities returns. */
export const ENTITY_LIST_LIMIT_MAX = 500;

/** Query of the entity list endpoint. */
export const EntityListQuery = z.object({
  template: z.string().optional().describe('Only entities of this template'),
  limit: z.coerce.number().int().min(1).max(ENTITY_LIST_LIMIT_MAX).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(['title', 'updatedAt', 'createdAt']).default('title'),
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
export const DateRangeValue = z
  .object({ from: PartialDate.optional(), to: PartialDate.optional() })
  .refine((r) => r.from || r.to, 'needs from or to')
  .refine((r) => !r.from || !r.to || r.from <= r.to, 'from must not be after to');
export const GeolocationValue = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  label: z.string().max(300).optional(),
});
