import { DEFAULT_LANGUAGE, UI_LANGUAGES } from '../domain/languages.ts';
import { localizeEntity } from '../domain/localize.ts';
import { ENTITY_LIST_LIMIT_MAX, type Entity } from '../domain/schemas/entity.ts';
import type {
  MissingItem,
  MissingTranslations,
  MissingTranslationsQuery,
} from '../domain/schemas/missing-translations.ts';
import type { Template } from '../domain/schemas/template.ts';
import type { Labels } from '../domain/schemas/translations.ts';
import type { Store } from '../store/store.ts';

type Counted = { item: MissingItem; counted: 'entities' | 'labels' | 'values' };

/**
 * The "translations" view (issue 11 item 3): for each of the six languages, the entities with a title or
 * text not translated into it and the labels of the vocabulary (templates, properties and their glossary
 * texts, sections, thesauri and values, relation types) without one, counted, and the items of one language
 * a page at a time. Read whole from the store: the view is for editors and an entity's gaps depend on its
 * template, so there is nothing an index would answer faster for a collection of this size.
 */
export async function listMissingTranslations({
  store,
  query,
}: {
  store: Store;
  query: MissingTranslationsQuery;
}): Promise<MissingTranslations> {
  const [templates, thesauri, relations, entities] = await Promise.all([
    store.templates.list(),
    store.thesauri.list(),
    store.relationTypes.list(),
    allEntities(store),
  ]);
  const byName = new Map(templates.map((t) => [t.name, t]));
  const perLanguage = new Map<string, Counted[]>(UI_LANGUAGES.map((l) => [l, []]));

  for (const lang of UI_LANGUAGES) {
    const out = perLanguage.get(lang)!;
    for (const e of entities) {
      if (e.language === lang) continue;
      const template = byName.get(e.template);
      const facts = factsOf(template);
      const untranslated = localizeEntity(e, template, lang).untranslated.filter((f) => !facts.has(f));
      if (untranslated.length)
        out.push({
          counted: 'entities',
          item: {
            kind: 'entity',
            id: e.id,
            key: null,
            text: e.title,
            template: e.template,
            fields: untranslated,
          },
        });
    }
    if (lang === DEFAULT_LANGUAGE) continue;
    const lacks = (labels: Labels | undefined) => !labels?.[lang];
    const label = (
      kind: MissingItem['kind'],
      id: string,
      key: string | null,
      text: string,
      fields: string[] = [],
    ) => ({ kind, id, key, text, template: null, fields }) satisfies MissingItem;
    for (const t of templates) {
      if (lacks(t.labels)) out.push({ counted: 'labels', item: label('template', t.name, null, t.label) });
      const sections = new Set(t.properties.flatMap((p) => (p.section ? [p.section] : [])));
      for (const s of sections)
        if (lacks(t.sectionLabels?.[s]))
          out.push({ counted: 'labels', item: label('section', t.name, s, s) });
      for (const p of t.properties) {
        const fields = [
          ...(lacks(p.labels) ? ['label'] : []),
          ...(p.description && lacks(p.descriptions) ? ['description'] : []),
        ];
        if (fields.length)
          out.push({ counted: 'labels', item: label('property', t.name, p.name, p.label, fields) });
      }
    }
    for (const r of relations) {
      const fields = [
        ...(lacks(r.labels) ? ['label'] : []),
        ...(lacks(r.inverseLabels) ? ['inverseLabel'] : []),
      ];
      if (fields.length)
        out.push({ counted: 'labels', item: label('relation', r.name, null, r.label, fields) });
    }
    for (const th of thesauri) {
      if (lacks(th.labels))
        out.push({ counted: 'values', item: label('thesaurus', th.name, null, th.label) });
      for (const v of th.values)
        if (lacks(v.labels)) out.push({ counted: 'values', item: label('value', th.name, v.id, v.label) });
    }
  }

  const counts: MissingTranslations['counts'] = {};
  for (const [lang, list] of perLanguage)
    counts[lang as keyof typeof counts] = {
      entities: list.filter((x) => x.counted === 'entities').length,
      labels: list.filter((x) => x.counted === 'labels').length,
      values: list.filter((x) => x.counted === 'values').length,
    };
  const lang = query.lang ?? null;
  const chosen = (lang ? (perLanguage.get(lang) ?? []) : []).filter(
    (x) => !query.kind || x.counted === query.kind,
  );
  return {
    defaultLanguage: DEFAULT_LANGUAGE,
    counts,
    lang,
    items: chosen.slice(query.offset, query.offset + query.limit).map((x) => x.item),
    total: chosen.length,
  };
}

/**
 * A profile's facts, the properties outside its sections (ISO codes, short names): the same in every
 * language, so readers never see them marked "not translated" (ProfileFacts) and they are not listed here
 * either. Otherwise every state would be listed for its three codes.
 */
function factsOf(template: Template | undefined): Set<string> {
  const properties = template?.properties ?? [];
  if (!properties.some((p) => p.section)) return new Set();
  return new Set(properties.filter((p) => !p.section).map((p) => p.name));
}

async function allEntities(store: Store): Promise<Entity[]> {
  const out: Entity[] = [];
  for (let offset = 0; ; offset += ENTITY_LIST_LIMIT_MAX) {
    const page = await store.entities.list({
      limit: ENTITY_LIST_LIMIT_MAX,
      offset,
      sort: 'createdAt',
      publishedOnly: false,
    });
    out.push(...page.items);
    if (page.items.length < ENTITY_LIST_LIMIT_MAX) return out;
  }
}
