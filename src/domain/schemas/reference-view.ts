import { z } from 'zod';
import { Id } from './common.ts';
import { Reference } from './reference.ts';

/** Where one end of a connection lies, for the connections panel: the page and paragraph it starts in. */
const EndPlace = z.object({
  entityTitle: z.string().describe('Title of the entity this end belongs to'),
  page: z.number().int().nullable().describe('Page the quote starts on (null: text-to-entity end)'),
  paragraphId: Id.nullable().describe('Paragraph the quote starts in, for #p-<id> links'),
});

/** A stored connection with what a reader needs to show it: labels, the other side's title, pages. */
export const ReferenceView = Reference.extend({
  relationLabel: z.string().describe('Label read from source to target ("responds to")'),
  inverseLabel: z.string().describe('Label read from target to source ("answered by")'),
  direction: z
    .enum(['outgoing', 'incoming'])
    .nullable()
    .describe('Relative to the listed entity, file or paragraph: outgoing when it is the source end'),
  sourcePlace: EndPlace,
  targetPlace: EndPlace,
});
export type ReferenceView = z.infer<typeof ReferenceView>;

/** Most connections one page of GET /references returns. */
export const REFERENCE_LIST_LIMIT_MAX = 500;

/**
 * `GET /references`: exactly one of entityId (optionally wholeEntity), fileId (optionally with page) and
 * paragraphId, offset paging.
 */
export const ReferenceListQuery = z.object({
  entityId: Id.optional().describe('Connections whose source or target is this entity'),
  fileId: Id.optional().describe('Connections with an end in this file (for highlights)'),
  paragraphId: Id.optional().describe('Connections with an end overlapping this paragraph'),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'With fileId only: connections with an end touching this page of the file (its quote overlaps the ' +
        'page’s text range), in text order; an unknown page gives an empty list',
    ),
  // A boolean too: the operation parses the route's already parsed query again.
  wholeEntity: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true')
    .default(false)
    .describe(
      'With entityId only: the connections to the entity as a whole (a passage elsewhere connected to it, ' +
        'not to a passage of one of its files), which belong to none of its files',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(REFERENCE_LIST_LIMIT_MAX)
    .default(100)
    .describe('Items per page (1–500)'),
  offset: z.coerce.number().int().min(0).default(0).describe('Items to skip'),
});
export type ReferenceListQuery = z.input<typeof ReferenceListQuery>;

/** `GET /references/orphaned`. */
export const OrphanedReferenceQuery = ReferenceListQuery.pick({ limit: true, offset: true });

/** A page of connections with the total count. */
export const ReferenceList = z.object({
  items: z.array(ReferenceView),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ReferenceList = z.infer<typeof ReferenceList>;
