import type { Property, Template } from '../../domain/schemas/index.ts';

/** A profile group heading with its section properties, in template order. */
export type SectionGroup = { heading: string; properties: Property[] };

/** Properties of a template that are profile sections (they carry a `section` heading). */
export const sectionProperties = (template: Template | undefined): Property[] =>
  template?.properties.filter((p) => p.section) ?? [];

/** Section properties grouped by heading, headings in order of first appearance. */
export function sectionGroups(template: Template | undefined): SectionGroup[] {
  const groups: SectionGroup[] = [];
  for (const p of sectionProperties(template)) {
    const heading = p.section ?? '';
    const last = groups.find((g) => g.heading === heading);
    if (last) last.properties.push(p);
    else groups.push({ heading, properties: [p] });
  }
  return groups;
}

/** True when a metadata value holds something (mirrors the server's notion of empty). */
export const isFilled = (value: unknown): boolean =>
  !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0));

/** Share (0–1) of a profile's section properties that hold a value. */
export function completeness(template: Template | undefined, metadata: Record<string, unknown>): number {
  const props = sectionProperties(template);
  if (props.length === 0) return 0;
  return props.filter((p) => isFilled(metadata[p.name])).length / props.length;
}

/** The property a template uses for a role: the one named `preferred`, else the first of the given type. */
export function pickProperty(
  template: Template | undefined,
  preferred: string,
  types: Property['type'][],
): Property | undefined {
  if (!template) return undefined;
  return (
    template.properties.find((p) => p.name === preferred) ??
    template.properties.find((p) => types.includes(p.type) && !p.section)
  );
}

/**
 * The relationship property on the other side of `property`, if any: its declared `inverseOf`, or a property of
 * the target template that declares itself the inverse (membership ↔ memberStates).
 */
export function inverseProperty(
  owner: Template,
  property: Property,
  templates: Template[],
): Property | undefined {
  const target = templates.find((t) => t.name === property.targetTemplate);
  if (!target) return undefined;
  if (property.inverseOf) return target.properties.find((p) => p.name === property.inverseOf);
  return target.properties.find(
    (p) => p.type === 'relationship' && p.inverseOf === property.name && p.targetTemplate === owner.name,
  );
}

/** Ids stored in a relationship value. */
export const relationIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
