import { z } from 'zod';
import { Entity } from './entity.ts';
import { Activity } from './user.ts';

/** `GET /health`. */
export const Health = z.object({ status: z.literal('ok'), version: z.string() });
export type Health = z.infer<typeof Health>;

/** Path parameter of records addressed by id. */
export const IdParams = z.object({ id: z.string().min(1).max(64).describe('Record id') });

/** Path parameter of records addressed by name (templates, thesauri). */
export const NameParams = z.object({ name: z.string().min(1).max(64).describe('Record name') });

/** `GET /entities`. */
export const EntityList = z.object({
  items: z.array(Entity),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

/** Query of `GET /files/:id/pages`: an inclusive page range, all pages when omitted. */
export const PageRangeQuery = z.object({
  from: z.coerce.number().int().min(1).optional().describe('First page (1-based)'),
  to: z.coerce.number().int().min(1).optional().describe('Last page, inclusive'),
});

/** A calendar day, `YYYY-MM-DD` (UTC). */
const Day = z.iso.date();

/** Query of `GET /activity`: every filter narrows (AND); paged newest first by `cursor`. */
export const ActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'must be the nextCursor of a previous page')
    .optional()
    .describe('The nextCursor of the previous page: entries older than it'),
  targetId: z.string().max(64).optional().describe('Only entries about this record'),
  person: z.string().max(64).optional().describe('Only entries by this username'),
  action: z.string().max(32).optional().describe('Only this action (update, revert, login…)'),
  template: z.string().max(64).optional().describe('Only entries about entities of this template'),
  from: Day.optional().describe('First day (UTC), inclusive'),
  to: Day.optional().describe('Last day (UTC), inclusive'),
  q: z.string().max(200).optional().describe('Words the summary contains (case-insensitive)'),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

/** A page of `GET /activity`. */
export const ActivityPage = z.object({
  items: z.array(Activity),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next (older) page; null: no more'),
});
export type ActivityPage = z.infer<typeof ActivityPage>;

/** Path parameter of `POST /activity/:id/revert`. */
export const ActivityIdParams = z.object({
  id: z.coerce.number().int().min(1).describe('Activity log entry id'),
});

/** Request headers of entity writes: the version the write is based on, as an ETag. */
export const IfMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .optional()
    .describe(
      'The ETag of GET /entities/:id ("7-…"), or "7", or *: a write based on an older version answers 409',
    ),
});
