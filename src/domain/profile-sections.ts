import type { Property, Template } from './schemas/template.ts';

/**
 * The relationship property on the other side of `property`, if any: its declared `inverseOf`, or a property
 * of the target template that declares itself the inverse (membership ↔ memberStates). Shared by the server
 * (which lists a section's entities from both sides) and the web app (compare).
 */
export function inverseProperty(
  owner: Pick<Template, 'name'>,
  property: Property,
  templates: readonly Template[],
): Property | undefined {
  const target = templates.find((t) => t.name === property.targetTemplate);
  if (!target) return undefined;
  if (property.inverseOf) return target.properties.find((p) => p.name === property.inverseOf);
  return target.properties.find(
    (p) => p.type === 'relationship' && p.inverseOf === property.name && p.targetTemplate === owner.name,
  );
}

/**
 * What one relationship section of a profile lists: the entities its own property points to, plus those
 * whose inverse property points back (a membership shows whichever side recorded it), of the target
 * template, newest first by the target template's first date property, then by title.
 */
export type SectionSpec = {
  entityId: string;
  property: string;
  inverse: { property: string; template: string } | null;
  targetTemplate: string | null;
  dateKey: string | null;
};

/** The section spec of `property` on entity `entityId` of template `owner`. */
export function sectionSpec(
  entityId: string,
  owner: Template,
  property: Property,
  templates: readonly Template[],
): SectionSpec {
  const inverse = inverseProperty(owner, property, templates);
  const target = templates.find((t) => t.name === property.targetTemplate);
  const date = target?.properties.find((p) => p.type === 'date');
  return {
    entityId,
    property: property.name,
    inverse: inverse && target ? { property: inverse.name, template: target.name } : null,
    targetTemplate: target?.name ?? null,
    dateKey: date?.name ?? null,
  };
}

/** The properties of a template that are relationship sections of its profile. */
export const relationshipSections = (template: Template): Property[] =>
  template.properties.filter((p) => p.section && p.type === 'relationship');
