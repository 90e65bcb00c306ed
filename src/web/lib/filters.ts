import type { Entity, Property, Template } from '../../domain/schemas/index.ts';
import { yearOf } from './format.ts';
import { inverseProperty, isFilled, relationIds, sectionProperties } from './templates.ts';
import type { PortalData } from './usePortalData.ts';

/**
 * The filter state shared by the map and browse, read from and written to the URL:
 * `has` (a section that is filled), `p.<prop>` (profile select values), `d.<prop>` (document select values),
 * `from`/`to` (document years), `member` (organisation id), `type` (template), `q` (free text).
 */
export type Filters = {
  has: string;
  profile: Record<string, string>;
  document: Record<string, string>;
  from: number | null;
  to: number | null;
  member: string;
  type: string;
  q: string;
};

const toYear = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : null);

/** Reads filters from URL search params. */
export function readFilters(params: URLSearchParams): Filters {
  const profile: Record<string, string> = {};
  const document: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!value) continue;
    if (key.startsWith('p.')) profile[key.slice(2)] = value;
    if (key.startsWith('d.')) document[key.slice(2)] = value;
  }
  return {
    has: params.get('has') ?? '',
    profile,
    document,
    from: toYear(params.get('from')),
    to: toYear(params.get('to')),
    member: params.get('member') ?? '',
    type: params.get('type') ?? '',
    q: params.get('q') ?? '',
  };
}

/** True when a document-level filter is set (documents must be loaded to apply it). */
export const hasDocumentFilter = (f: Filters) =>
  Object.keys(f.document).length > 0 || f.from !== null || f.to !== null;

/** True when any filter narrows the profiles. */
export const isFiltering = (f: Filters) =>
  Boolean(f.has || f.member || f.type || f.q) || Object.keys(f.profile).length > 0 || hasDocumentFilter(f);

/** How many filter controls are set (the year range counts once), for the phone's "Filters (n)" button. */
export const countFilters = (f: Filters) =>
  [f.has, f.member, f.type, f.q].filter(Boolean).length +
  Object.values(f.profile).filter(Boolean).length +
  Object.values(f.document).filter(Boolean).length +
  (f.from !== null || f.to !== null ? 1 : 0);

/** The filter controls a template set offers, derived from the templates, not hard-coded. */
export type FilterOptions = {
  sections: { property: Property; template: string }[];
  profileSelects: Property[];
  documentSelects: Property[];
  documentDate: Property | undefined;
};

/** Which filters the templates make possible. */
export function filterOptions(data: PortalData): FilterOptions {
  const names = data.profileTemplates;
  const state = data.templateByName.get(names.state);
  const org = data.templateByName.get(names.organisation);
  const doc = data.templateByName.get(names.document);
  const sections = [
    ...sectionProperties(state).map((property) => ({ property, template: names.state })),
    ...sectionProperties(org)
      .filter((p) => !state?.properties.some((s) => s.name === p.name && s.section))
      .map((property) => ({ property, template: names.organisation })),
  ];
  const selects = (t: Template | undefined) =>
    t?.properties.filter((p) => (p.type === 'select' || p.type === 'multiselect') && p.thesaurus) ?? [];
  const docSelects = selects(doc);
  const filterableDocs = docSelects.filter((p) => p.filterable);
  return {
    sections,
    profileSelects: selects(state).filter((p) => !p.section),
    documentSelects: filterableDocs.length ? filterableDocs : docSelects,
    documentDate: doc?.properties.find((p) => p.type === 'date'),
  };
}

/** Reverse look-ups built once per data load: documents of each profile and links between profiles. */
export type FilterIndex = {
  documentsOf: Map<string, Entity[]>;
  linkedProfiles: Map<string, Set<string>>;
  inverseFilled: Map<string, Set<string>>;
};

const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
};

/** Indexes the relationships of all profiles and documents, in both directions. */
export function buildIndex(data: PortalData): FilterIndex {
  const docSets = new Map<string, Set<string>>();
  const linkedProfiles = new Map<string, Set<string>>();
  const inverseFilled = new Map<string, Set<string>>();
  const all = [...data.profiles, ...data.documents];
  const docTemplate = data.profileTemplates.document;
  for (const entity of all) {
    const template = data.templateByName.get(entity.template);
    for (const p of template?.properties ?? []) {
      if (p.type !== 'relationship') continue;
      const ids = relationIds(entity.metadata[p.name]);
      if (ids.length === 0) continue;
      const inverse = template ? inverseProperty(template, p, data.templates) : undefined;
      for (const id of ids) {
        const target = data.byId.get(id);
        if (!target) continue;
        if (inverse) addTo(inverseFilled, id, inverse.name);
        if (target.template === docTemplate && entity.template !== docTemplate) addTo(docSets, entity.id, id);
        else if (entity.template === docTemplate && target.template !== docTemplate)
          addTo(docSets, id, entity.id);
        else if (entity.template !== docTemplate) {
          addTo(linkedProfiles, entity.id, id);
          addTo(linkedProfiles, id, entity.id);
        }
      }
    }
  }
  const documentsOf = new Map<string, Entity[]>();
  for (const [id, set] of docSets)
    documentsOf.set(
      id,
      [...set].map((d) => data.byId.get(d)).filter((d): d is Entity => Boolean(d)),
    );
  return { documentsOf, linkedProfiles, inverseFilled };
}

const valueMatches = (value: unknown, wanted: string) =>
  Array.isArray(value) ? value.includes(wanted) : value === wanted;

/** Documents of a profile that pass the document filters (all of them when none is set). */
export function matchingDocuments(
  entity: Entity,
  f: Filters,
  index: FilterIndex,
  dateProp?: string,
): Entity[] {
  const docs = index.documentsOf.get(entity.id) ?? [];
  return docs.filter((doc) => {
    for (const [prop, wanted] of Object.entries(f.document))
      if (!valueMatches(doc.metadata[prop], wanted)) return false;
    if (f.from !== null || f.to !== null) {
      const year = dateProp ? yearOf(doc.metadata[dateProp]) : null;
      if (year === null) return false;
      if (f.from !== null && year < f.from) return false;
      if (f.to !== null && year > f.to) return false;
    }
    return true;
  });
}

/** Whether a profile passes every filter except free text (which the search endpoint answers). */
export function matchesProfile(
  entity: Entity,
  f: Filters,
  index: FilterIndex,
  options: FilterOptions,
): boolean {
  if (f.type && entity.template !== f.type) return false;
  if (f.has && !isFilled(entity.metadata[f.has]) && !index.inverseFilled.get(entity.id)?.has(f.has))
    return false;
  for (const [prop, wanted] of Object.entries(f.profile))
    if (!valueMatches(entity.metadata[prop], wanted)) return false;
  if (f.member && entity.id !== f.member && !index.linkedProfiles.get(entity.id)?.has(f.member)) return false;
  if (hasDocumentFilter(f) && matchingDocuments(entity, f, index, options.documentDate?.name).length === 0)
    return false;
  return true;
}

/** Completeness (0–1) counting sections filled on either side of a relationship (membership ↔ member states). */
export function profileCompleteness(
  entity: Entity,
  template: Template | undefined,
  index: FilterIndex,
): number {
  const props = sectionProperties(template);
  if (props.length === 0) return 0;
  const inverse = index.inverseFilled.get(entity.id);
  return props.filter((p) => isFilled(entity.metadata[p.name]) || inverse?.has(p.name)).length / props.length;
}
