import { z } from 'zod';
import { Entity } from './entity.ts';
import { EntitySummary } from './entity-view.ts';

/** How many entities of each section a profile's view carries; the rest come a page at a time. */
export const PROFILE_FIRST_ITEMS = 20;
/** The largest page of one section the API sends. */
export const SECTION_PAGE_MAX = 200;

/** One page of a relationship section of a profile, with the section's total for the viewer. */
export const SectionPage = z.object({
  items: z.array(EntitySummary),
  total: z.number().int().min(0).describe('Entities in the whole section that the viewer may see'),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
});
export type SectionPage = z.infer<typeof SectionPage>;

/** `GET /entities/:id/sections/:property`: where the page starts and how long it is. */
export const SectionPageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(SECTION_PAGE_MAX).default(100),
});
export type SectionPageQuery = z.infer<typeof SectionPageQuery>;

export const SectionParams = z.object({ id: z.string().min(1), property: z.string().min(1) });

/**
 * A profile's page in one bounded request: the entity (its section relationship values left out: the
 * sections carry them) and, for each relationship section of its template, the first entities and the count.
 * Newest first by the target template's first date property, then by title, as the section lists them.
 */
export const ProfileView = z.object({
  entity: Entity,
  sections: z
    .record(z.string(), SectionPage)
    .describe('First page of each relationship section, by property'),
});
export type ProfileView = z.infer<typeof ProfileView>;
