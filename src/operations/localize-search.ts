import { localizeEntity, localLabel } from '../domain/localize.ts';
import type { Template } from '../domain/schemas/template.ts';
import type { Thesaurus } from '../domain/schemas/thesaurus.ts';
import type { SearchResult } from '../search/provider.ts';
import type { Store } from '../store/store.ts';

/**
 * A page of search results as a reader of `lang` reads it (decision 31): titles of the hits and of the
 * entities their cards list, property and template labels, section names and thesaurus labels in that
 * language where they exist, else as stored. Done over the finished page, whatever engine answered, so
 * the engines and their result cache stay language-blind; a hit whose title fell back says so in
 * `entity.titleLanguage` (the card marks it "not translated").
 */
export async function localizeSearchResult(
  result: SearchResult,
  store: Store,
  lang: string,
): Promise<SearchResult> {
  const [templates, thesauri] = await Promise.all([store.templates.list(), store.thesauri.list()]);
  const byName = new Map<string, Template>(templates.map((t) => [t.name, t]));
  const values = thesaurusLabels(thesauri, lang);
  const relatedIds = new Set<string>();
  const relationFacets = new Set<string>();
  for (const t of templates)
    for (const p of t.properties)
      if (p.type === 'relationship' && result.facets[p.name]) relationFacets.add(p.name);
  for (const name of relationFacets)
    for (const b of result.facets[name]?.buckets ?? []) relatedIds.add(b.value);
  for (const item of result.items) {
    relatedIds.add(item.entity.id);
    const props = byName.get(item.entity.template)?.properties ?? [];
    for (const f of item.facts) {
      const p = props.find((x) => x.name === f.property);
      const v = item.entity.metadata[f.property];
      if (p?.type === 'relationship' && Array.isArray(v)) for (const id of v) relatedIds.add(String(id));
    }
  }
  const entities = new Map(
    (await store.entities.findMany([...relatedIds])).map((e) => [
      e.id,
      { stored: e.title, shown: localizeEntity(e, byName.get(e.template), lang), language: e.language },
    ]),
  );

  const items = result.items.map((item) => {
    const template = byName.get(item.entity.template);
    const props = new Map((template?.properties ?? []).map((p) => [p.name, p]));
    const own = entities.get(item.entity.id);
    const fell = own?.shown.untranslated.includes('title');
    const facts = item.facts.map((f) => {
      const p = props.get(f.property);
      const label = p ? localLabel(p.label, p.labels, lang).text : f.label;
      if (p?.type === 'select') {
        const raw = item.entity.metadata[f.property];
        const ids = (Array.isArray(raw) ? raw : [raw]).map(String);
        const table = values.get(p.thesaurus ?? '');
        return { ...f, label, values: ids.slice(0, f.values.length).map((id) => table?.get(id) ?? id) };
      }
      if (p?.type === 'relationship') {
        // The engine listed only titles the reader may see: each is swapped for the same entity's title.
        const raw = item.entity.metadata[f.property];
        const related = (Array.isArray(raw) ? raw : []).flatMap((id) => entities.get(String(id)) ?? []);
        const shown = f.values.map((title) => related.find((r) => r.stored === title)?.shown.title ?? title);
        return { ...f, label, values: shown };
      }
      return { ...f, label };
    });
    const fields = item.fields.map((s) => {
      const p = props.get(s.property);
      return {
        ...s,
        label: p ? localLabel(p.label, p.labels, lang).text : s.label,
        section: s.section && localLabel(s.section, template?.sectionLabels?.[s.section], lang).text,
      };
    });
    return {
      ...item,
      entity: {
        ...item.entity,
        title: own?.shown.title ?? item.entity.title,
        ...(fell && own ? { titleLanguage: own.language } : {}),
        ...(own && own.shown.title !== own.stored ? { storedTitle: own.stored } : {}),
      },
      templateLabel: template ? localLabel(template.label, template.labels, lang).text : item.templateLabel,
      facts,
      fields,
    };
  });

  const thesaurusOf = new Map<string, string>();
  for (const t of templates)
    for (const p of t.properties)
      if (p.thesaurus && !thesaurusOf.has(p.name)) thesaurusOf.set(p.name, p.thesaurus);
  const facets = Object.fromEntries(
    Object.entries(result.facets).map(([name, facet]) => {
      if (relationFacets.has(name))
        return [
          name,
          {
            ...facet,
            buckets: facet.buckets.map((b) => ({
              ...b,
              label: entities.get(b.value)?.shown.title ?? b.label,
            })),
          },
        ];
      const table = values.get(thesaurusOf.get(name) ?? '');
      if (!table) return [name, facet];
      return [
        name,
        { ...facet, buckets: facet.buckets.map((b) => ({ ...b, label: table.get(b.value) ?? b.label })) },
      ];
    }),
  );
  return { ...result, items, facets };
}

/** Thesaurus value labels in `lang` (the stored label where a value has none), by thesaurus and value id. */
function thesaurusLabels(thesauri: Thesaurus[], lang: string): Map<string, Map<string, string>> {
  return new Map(
    thesauri.map((t) => [
      t.name,
      new Map(t.values.map((v) => [v.id, localLabel(v.label, v.labels, lang).text])),
    ]),
  );
}
