import type {
  EntitySummary,
  EntityView,
  ProfileView,
  Property,
  Template,
} from '../../../domain/schemas/index.ts';
import { inverseProperty, isFilled, relationIds, sectionGroups } from '../../lib/templates.ts';

/** One section of a profile with its value resolved: related entities for relationships, else the raw value. */
export type SectionModel = {
  property: Property;
  isFilled: boolean;
  /** Related entities (both directions), for relationship properties: the first page of them on a profile. */
  items: EntitySummary[];
  /** How many related entities the section has in all (more than `items` when the rest is still to load). */
  total: number;
  value: unknown;
};

/** A profile group heading with its sections. */
export type GroupModel = { heading: string; sections: SectionModel[] };

/**
 * Every section of a profile from its view: relationship sections from the server's first page and count
 * (both directions, in the section's order), the other properties from the entity's metadata.
 */
export function buildSections(view: ProfileView, template: Template): GroupModel[] {
  return sectionGroups(template).map((group) => ({
    heading: group.heading,
    sections: group.properties.map((property): SectionModel => {
      const value = view.entity.metadata[property.name];
      if (property.type !== 'relationship')
        return { property, isFilled: isFilled(value), items: [], total: 0, value };
      const page = view.sections[property.name];
      const total = page?.total ?? 0;
      return { property, isFilled: total > 0, items: page?.items ?? [], total, value };
    }),
  }));
}

/**
 * Resolves one property of one entity view, for compare: relationship ids through `related`, plus the
 * entities that point back through the inverse property (`inbound`), so a membership shows whichever side
 * recorded it.
 */
export function resolveSection(
  view: EntityView,
  template: Template | undefined,
  property: Property,
  templates: Template[],
): SectionModel {
  const value = view.entity.metadata[property.name];
  if (property.type !== 'relationship')
    return { property, isFilled: isFilled(value), items: [], total: 0, value };
  const items = new Map<string, EntitySummary>();
  for (const id of relationIds(value)) {
    const summary = view.related[id];
    if (summary) items.set(id, summary);
  }
  const inverse = template ? inverseProperty(template, property, templates) : undefined;
  if (inverse)
    for (const link of view.inbound)
      if (link.property === inverse.name && link.template === property.targetTemplate)
        items.set(link.entity.id, link.entity);
  const list = [...items.values()];
  return { property, isFilled: list.length > 0, items: sortItems(list), total: list.length, value };
}

const dateOf = (s: EntitySummary) => {
  const d = Object.values(s.metadata).find((v) => typeof v === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(v));
  return typeof d === 'string' ? d : '';
};

/** Documents newest first, then by title; entities without dates (organisations) alphabetically. */
function sortItems(items: EntitySummary[]): EntitySummary[] {
  return items.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || a.title.localeCompare(b.title));
}

/** Section DOM id, also the shareable URL fragment. */
export const sectionId = (property: string) => `section-${property}`;
