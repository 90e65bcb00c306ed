import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { Rect } from './file.ts';
import { Labels } from './translations.ts';

/** A named link between passages or entities with its inverse label ("responds to" / "answered by"). */
export const RelationTypeInput = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and dashes'),
  label: z.string().min(1).max(200),
  inverseLabel: z.string().min(1).max(200),
  labels: Labels.optional(),
  inverseLabels: Labels.optional(),
});
export type RelationTypeInput = z.infer<typeof RelationTypeInput>;
export const RelationType = RelationTypeInput.extend({ id: Id });
export type RelationType = z.infer<typeof RelationType>;

/**
 * A precise place in a file's text: W3C TextPosition (start/end) + TextQuote (exact/prefix/suffix) selectors,
 * plus page rectangles to draw.
 */
export const Anchor = z.object({
  fileId: Id,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(64).default(''),
  suffix: z.string().max(64).default(''),
  rects: z.array(Rect).default([]),
});
export type Anchor = z.infer<typeof Anchor>;

/** Input for a text-to-text or text-to-entity connection. */
export const ReferenceInput = z.object({
  relationType: z.string().describe('Relation type name'),
  source: Anchor,
  targetEntityId: Id,
  target: Anchor.optional().describe('Omitted for a text-to-entity connection'),
});
export type ReferenceInput = z.input<typeof ReferenceInput>;

/** A stored connection. `orphaned` marks an end that could not be re-attached after a file changed. */
export const Reference = z.object({
  id: Id,
  relationType: z.string(),
  sourceEntityId: Id,
  source: Anchor,
  targetEntityId: Id,
  target: Anchor.nullable(),
  orphaned: z.boolean(),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
});
export type Reference = z.infer<typeof Reference>;

/** An entity-to-entity connection (member of, issued by…). */
export const Relationship = z.object({
  id: Id,
  relationType: z.string(),
  fromEntityId: Id,
  toEntityId: Id,
  createdAt: Timestamp,
});
export type Relationship = z.infer<typeof Relationship>;
