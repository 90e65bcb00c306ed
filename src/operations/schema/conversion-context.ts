import type { ValidationContext } from '../../domain/metadata-validation.ts';
import type { Entity } from '../../domain/schemas/entity.ts';
import type { Property } from '../../domain/schemas/template.ts';
import type { TemplateChangePlan } from '../../domain/template-change.ts';
import type { Store } from '../../store/store.ts';

/**
 * What converting a batch of entities' values needs from the store, loaded once per batch: the thesauri of
 * the changed properties (old and new: a select turned into text keeps its label) and the templates of the
 * entities their relationship values point at. `properties` are the template's after the change.
 */
export async function conversionContext(
  store: Store,
  plan: Pick<TemplateChangePlan, 'changed'>,
  entities: Entity[],
): Promise<ValidationContext & { properties: Property[] }> {
  const names = plan.changed
    .flatMap((c) => [c.from.thesaurus, c.to.thesaurus])
    .filter((n): n is string => !!n);
  const thesauri = await store.thesauri.mapByNames([...new Set(names)]);
  const related = plan.changed
    .filter((c) => c.to.type === 'relationship')
    .flatMap((c) =>
      entities.flatMap((e) => {
        const v = e.metadata[c.from.name];
        return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      }),
    );
  const known = related.length ? await store.entities.templatesOf(related) : new Map<string, string>();
  const template = entities[0] ? await store.templates.findByName(entities[0].template) : null;
  return {
    thesauri,
    templatesOf: (ids) =>
      new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : []))),
    properties: template?.properties ?? [],
  };
}
