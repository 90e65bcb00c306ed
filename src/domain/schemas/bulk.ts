import { z } from 'zod';
import { Id } from './common.ts';

/** Most entities one bulk edit may name. */
export const BULK_EDIT_MAX = 10_000;

/** `POST /entities/bulk`: one action on many entities (editors and admins). */
export const BulkEditInput = z
  .object({
    ids: z.array(Id).min(1).max(BULK_EDIT_MAX).describe('The entities to change'),
    action: z.enum(['publish', 'unpublish', 'delete', 'set']),
    property: z.string().min(1).max(64).optional().describe("'set': the metadata property"),
    value: z.unknown().optional().describe("'set': its new value (validated per entity); null removes it"),
  })
  .refine((b) => b.action !== 'set' || b.property !== undefined, {
    path: ['property'],
    message: "is required for 'set'",
  });
export type BulkEditInput = z.infer<typeof BulkEditInput>;

/** What a bulk edit did: every id is counted once, as changed, unchanged or failed (with why). */
export const BulkEditResult = z.object({
  total: z.number().int(),
  changed: z.number().int().describe('Written, each with its own activity entry'),
  unchanged: z.number().int().describe('Already as asked: nothing written'),
  failed: z.array(z.object({ id: z.string(), message: z.string() })),
  activityIds: z
    .array(z.number().int())
    .describe('The entries of the changed entities, to undo them (POST /activity/revert)'),
});
export type BulkEditResult = z.infer<typeof BulkEditResult>;

/** `POST /activity/revert`: revert many entries (a bulk edit's undo). */
export const RevertManyInput = z.object({
  activityIds: z.array(z.number().int().min(1)).min(1).max(BULK_EDIT_MAX),
});
export type RevertManyInput = z.infer<typeof RevertManyInput>;

/** What a revert of many entries did. */
export const RevertManyResult = z.object({
  reverted: z.number().int(),
  failed: z.array(z.object({ activityId: z.number().int(), message: z.string() })),
});
export type RevertManyResult = z.infer<typeof RevertManyResult>;
