import { z } from 'zod';
import { Entity } from './entity.ts';

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

/** Query of `GET /activity`. */
export const ActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  targetId: z.string().max(64).optional().describe('Only entries about this record'),
});

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
