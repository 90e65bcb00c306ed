import { z } from 'zod';
import { Entity } from './entity.ts';
import { FileRecord } from './file.ts';
import { EntityTranslations } from './translations.ts';

/** The few fields of an entity a list, card or link needs. */
export const EntitySummary = z.object({
  id: z.string(),
  template: z.string(),
  title: z.string(),
  published: z.boolean(),
  /** Metadata properties flagged showInCard, plus dates and status, for cards and profile items. */
  metadata: z.record(z.string(), z.unknown()),
  language: z.string().describe('The language of title and metadata'),
  translations: EntityTranslations.describe('Title and the kept texts in the other languages'),
  updatedAt: z.string(),
});
export type EntitySummary = z.infer<typeof EntitySummary>;

/**
 * An entity with everything its page needs in one request: the entities its relationship properties point
 * to (visible ones only), the entities that point to it (e.g. an organisation listing a state as member),
 * and its files.
 */
export const EntityView = z.object({
  entity: Entity,
  related: z.record(z.string(), EntitySummary).describe('Targets of relationship properties, by id'),
  inbound: z
    .array(z.object({ template: z.string(), property: z.string(), entity: EntitySummary }))
    .describe('Entities whose relationship properties point to this one'),
  files: z.array(FileRecord),
});
export type EntityView = z.infer<typeof EntityView>;
