import type { Entity } from '../../domain/schemas/entity.ts';
import type { Store } from '../../store/store.ts';

/** Entities read per round. */
const BATCH = 500;

/** The templates and properties whose values come from a thesaurus. */
export async function propertiesOfThesaurus(store: Store, thesaurus: string) {
  return (await store.templates.list()).flatMap((t) =>
    t.properties
      .filter((p) => (p.type === 'select' || p.type === 'multiselect') && p.thesaurus === thesaurus)
      .map((p) => ({ template: t.name, property: p.name })),
  );
}

/** The values of a thesaurus an entity holds, over every property bound to it. */
export const valuesHeld = (e: Entity, properties: string[]): string[] =>
  properties.flatMap((name) => {
    const v = e.metadata[name];
    return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  });

/**
 * Walks every entity of the templates that use a thesaurus, a round of BATCH at a time, with the names of
 * the properties bound to it in that entity's template.
 */
export async function* entitiesUsingThesaurus(
  store: Store,
  thesaurus: string,
): AsyncGenerator<{ entities: Entity[]; properties: string[] }> {
  const bound = await propertiesOfThesaurus(store, thesaurus);
  const templates = [...new Set(bound.map((b) => b.template))];
  for (const template of templates) {
    const properties = bound.filter((b) => b.template === template).map((b) => b.property);
    for (let after = ''; ; ) {
      const ids = await store.entities.idsOfTemplate(template, after, BATCH);
      if (ids.length === 0) break;
      after = ids.at(-1)!;
      yield { entities: await store.entities.findMany(ids), properties };
    }
  }
}

/** How many entities hold each value of a thesaurus (values nobody holds are absent). */
export async function thesaurusUsage(store: Store, thesaurus: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const { entities, properties } of entitiesUsingThesaurus(store, thesaurus))
    for (const e of entities)
      for (const v of new Set(valuesHeld(e, properties))) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
