import type { RelationType } from '../../domain/schemas/reference.ts';
import type { Template } from '../../domain/schemas/template.ts';
import type { Thesaurus } from '../../domain/schemas/thesaurus.ts';

/** A template with its properties in order, and its label and section headings in the other languages. */
export const presentTemplate = (t: Template): Template => ({
  id: t.id,
  name: t.name,
  label: t.label,
  ...(t.labels ? { labels: t.labels } : {}),
  ...(t.sectionLabels ? { sectionLabels: t.sectionLabels } : {}),
  ...(t.color ? { color: t.color } : {}),
  properties: t.properties,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** A thesaurus with its values, and its label in the other languages. */
export const presentThesaurus = (t: Thesaurus): Thesaurus => ({
  id: t.id,
  name: t.name,
  label: t.label,
  ...(t.labels ? { labels: t.labels } : {}),
  values: t.values,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** A relation type with its inverse label, both also in the other languages. */
export const presentRelationType = (t: RelationType): RelationType => ({
  id: t.id,
  name: t.name,
  label: t.label,
  inverseLabel: t.inverseLabel,
  ...(t.labels ? { labels: t.labels } : {}),
  ...(t.inverseLabels ? { inverseLabels: t.inverseLabels } : {}),
});
