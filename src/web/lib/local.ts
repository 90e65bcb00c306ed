import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from '../../domain/languages.ts';
import { localizeEntity, localLabel } from '../../domain/localize.ts';
import type {
  Entity,
  EntitySummary,
  EntityView,
  RelationType,
  Template,
  Thesaurus,
} from '../../domain/schemas/index.ts';
import type { Labels } from '../../domain/schemas/translations.ts';
import { api } from '../api/client.ts';
import { useRelationTypes } from '../api/documents.ts';
import { queryKeys, useTemplates, useThesauri } from '../api/hooks.ts';

/**
 * Display copies of content in the reader's language (decision 31). Scenes keep their shapes (`title`,
 * `label`, `description` are simply the reader's values; `section` stays the stored key, see sectionLabel), and the fields that fell back to the
 * default language are remembered beside the copy, so a component can add the "not translated" mark and
 * the fallback's `lang` without every scene passing a second object around. Edit forms never use these
 * copies: they must write the stored values, not what a reader sees.
 */
const FALLBACK = new WeakMap<object, Map<string, string>>();
/** The stored entity behind a display copy: slugs and links come from its own-language title. */
const ORIGINAL = new WeakMap<object, { title: string }>();

/** The language of the text shown for `field` when it fell back to another language; undefined when translated. */
export function fallbackOf(obj: object | undefined, field: string): string | undefined {
  return obj ? FALLBACK.get(obj)?.get(field) : undefined;
}

/** The own-language title of an entity or of its display copy. */
export const originalTitle = (entity: { title: string }): string =>
  ORIGINAL.get(entity)?.title ?? entity.title;

function mark(obj: object, field: string, lang: string) {
  const map = FALLBACK.get(obj) ?? new Map<string, string>();
  map.set(field, lang);
  FALLBACK.set(obj, map);
}

/** The reader's content language: the interface language (English under the test pseudo-language). */
export function useContentLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

function label<T extends object>(
  obj: T,
  field: string,
  text: string,
  labels: Labels | undefined,
  lang: string,
) {
  const l = localLabel(text, labels, lang);
  if (!l.translated) mark(obj, field, DEFAULT_LANGUAGE);
  return l.text;
}

export function localTemplate(t: Template, lang: string): Template {
  const copy: Template = { ...t };
  copy.label = label(copy, 'label', t.label, t.labels, lang);
  copy.properties = t.properties.map((p) => {
    const q = { ...p };
    q.label = label(q, 'label', p.label, p.labels, lang);
    if (p.description) q.description = label(q, 'description', p.description, p.descriptions, lang);
    return q;
  });
  return copy;
}

export function localThesaurus(th: Thesaurus, lang: string): Thesaurus {
  const copy: Thesaurus = { ...th };
  copy.label = label(copy, 'label', th.label, th.labels, lang);
  copy.values = th.values.map((v) => {
    const w = { ...v };
    w.label = label(w, 'label', v.label, v.labels, lang);
    if (v.description) w.description = label(w, 'description', v.description, v.descriptions, lang);
    return w;
  });
  return copy;
}

export function localRelationType(r: RelationType, lang: string): RelationType {
  const copy: RelationType = { ...r };
  copy.label = label(copy, 'label', r.label, r.labels, lang);
  copy.inverseLabel = label(copy, 'inverseLabel', r.inverseLabel, r.inverseLabels, lang);
  return copy;
}

/**
 * A section heading in the reader's language. Sections stay keyed by their stored name (review dates and
 * anchors use it), so the heading is looked up, not copied over the key.
 */
export function sectionLabel(
  template: Pick<Template, 'sectionLabels'> | undefined,
  section: string,
  lang: string,
) {
  return localLabel(section, template?.sectionLabels?.[section], lang);
}

/** An entity (or summary) as a reader of `lang` sees it; untranslated fields fall back and are marked. */
export function localEntity<E extends Entity | EntitySummary>(
  entity: E,
  template: Pick<Template, 'properties'> | undefined,
  lang: string,
): E {
  if (lang === entity.language) return entity;
  const shown = localizeEntity(entity, template, lang);
  const copy = { ...entity, title: shown.title, metadata: shown.metadata };
  ORIGINAL.set(copy, { title: originalTitle(entity) });
  for (const field of shown.untranslated) mark(copy, field, entity.language);
  return copy;
}

/** An entity view with its entity, related and inbound summaries in the reader's language. */
export function localView(view: EntityView, templates: Template[], lang: string): EntityView {
  const byName = new Map(templates.map((t) => [t.name, t]));
  const loc = <E extends Entity | EntitySummary>(e: E) => localEntity(e, byName.get(e.template), lang);
  return {
    ...view,
    entity: loc(view.entity),
    related: Object.fromEntries(Object.entries(view.related).map(([id, s]) => [id, loc(s)])),
    inbound: view.inbound.map((i) => ({ ...i, entity: loc(i.entity) })),
  };
}

/** Templates in the reader's language (display only). */
export function useLocalTemplates() {
  const lang = useContentLanguage();
  const q = useTemplates();
  const data = useMemo(() => q.data?.map((t) => localTemplate(t, lang)), [q.data, lang]);
  return { ...q, data };
}

/** Thesauri in the reader's language (display only). */
export function useLocalThesauri() {
  const lang = useContentLanguage();
  const q = useThesauri();
  const data = useMemo(() => q.data?.map((t) => localThesaurus(t, lang)), [q.data, lang]);
  return { ...q, data };
}

/** Relation types in the reader's language (connection labels, the connect step). */
export function useLocalRelationTypes() {
  const lang = useContentLanguage();
  const q = useRelationTypes();
  const data = useMemo(() => q.data?.map((r) => localRelationType(r, lang)), [q.data, lang]);
  return { ...q, data };
}

/**
 * Display copies of these entities by id (those the reader may see), for lists whose rows carry only an id
 * and a stored title (a connection's other end): one request for the ids of the page shown, so the cost
 * follows the page, not the size of the collection.
 */
export function useLocalEntitiesByIds(ids: string[]): Map<string, Entity> {
  const lang = useContentLanguage();
  const templates = useTemplates();
  const wanted = [...new Set(ids)].sort();
  const q = useQuery({
    queryKey: [...queryKeys.entitiesByIds, wanted] as const,
    queryFn: ({ signal }) => api.entitiesByIds(wanted, signal),
    enabled: wanted.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => {
    const byName = new Map((templates.data ?? []).map((t) => [t.name, t]));
    return new Map((q.data ?? []).map((e) => [e.id, localEntity(e, byName.get(e.template), lang)]));
  }, [templates.data, q.data, lang]);
}
