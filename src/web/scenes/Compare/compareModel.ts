import type { EntityView, Property, Template } from '../../../domain/schemas/index.ts';
import { sectionGroups } from '../../lib/templates.ts';
import { resolveSection, type SectionModel } from '../Profile/profileModel.ts';

/** One cell: the section of one compared profile, or null when its template has no such section. */
export type CompareCell = { section: SectionModel | null; shared: Set<string> };

/** One aligned row: a section property across the compared profiles. */
export type CompareRow = { name: string; property: Property; cells: CompareCell[]; isDifferent: boolean };

/** Rows grouped under their heading. */
export type CompareGroup = { heading: string; rows: CompareRow[] };

const signature = (cell: CompareCell) =>
  cell.section === null
    ? 'n/a'
    : cell.section.items.length
      ? cell.section.items
          .map((i) => i.id)
          .sort()
          .join(',')
      : cell.section.isFilled
        ? `v:${JSON.stringify(cell.section.value)}`
        : 'empty';

/**
 * Aligns the sections of up to three profiles (states and organisations may be mixed): headings and properties
 * in the order of the first profile's template, then any the others add; a property of the same name shares a
 * row. Items found in every other profile of the row are marked shared, so what differs stands out.
 */
export function buildCompare(views: EntityView[], templates: Template[]): CompareGroup[] {
  const byName = new Map(templates.map((t) => [t.name, t]));
  const groups: CompareGroup[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    for (const group of sectionGroups(byName.get(view.entity.template))) {
      let target = groups.find((g) => g.heading === group.heading);
      if (!target) {
        target = { heading: group.heading, rows: [] };
        groups.push(target);
      }
      for (const property of group.properties) {
        if (seen.has(property.name)) continue;
        seen.add(property.name);
        target.rows.push(buildRow(property, views, byName, templates));
      }
    }
  }
  return groups;
}

function buildRow(
  property: Property,
  views: EntityView[],
  byName: Map<string, Template>,
  templates: Template[],
): CompareRow {
  const cells: CompareCell[] = views.map((view) => {
    const template = byName.get(view.entity.template);
    const own = template?.properties.find((p) => p.name === property.name && p.section);
    return {
      section: own ? resolveSection(view, template, own, templates) : null,
      shared: new Set<string>(),
    };
  });
  const present = cells.filter((c) => c.section !== null);
  if (present.length > 1) {
    for (const cell of present) {
      for (const item of cell.section?.items ?? []) {
        const inAll = present.every((other) => other.section?.items.some((i) => i.id === item.id));
        if (inAll) cell.shared.add(item.id);
      }
    }
  }
  const signatures = new Set(cells.map(signature));
  return { name: property.name, property, cells, isDifferent: views.length > 1 && signatures.size > 1 };
}
