import { validateMetadata, validateTranslations } from '../domain/metadata-validation.ts';
import type { Template } from '../domain/schemas/template.ts';
import type { EntityTranslations } from '../domain/schemas/translations.ts';
import type { Store } from '../store/store.ts';
import { ValidationFailed } from './errors.ts';

/**
 * Validates metadata against its template with thesauri and related entities loaded from the store.
 * Returns the cleaned metadata and the relationship links to mirror; throws ValidationFailed naming each field.
 */
export async function checkMetadata(
  store: Store,
  template: Template,
  metadata: Record<string, unknown>,
): Promise<{ metadata: Record<string, unknown>; links: { property: string; toId: string }[] }> {
  const thesaurusNames = template.properties.flatMap((p) => (p.thesaurus ? [p.thesaurus] : []));
  const thesauri = await store.thesauri.mapByNames([...new Set(thesaurusNames)]);
  // validateMetadata is synchronous; the store is not, so the related ids are looked up first.
  const relatedIds = template.properties
    .filter((p) => p.type === 'relationship')
    .flatMap((p) => {
      const v = metadata[p.name];
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    });
  const known = await store.entities.templatesOf(relatedIds);
  const result = validateMetadata(template, metadata, {
    thesauri,
    templatesOf: (ids) =>
      new Map(ids.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : []))),
  });
  if (!result.ok) throw new ValidationFailed(result.errors);
  const links = template.properties
    .filter((p) => p.type === 'relationship')
    .flatMap((p) =>
      ((result.metadata[p.name] as string[] | undefined) ?? []).map((toId) => ({ property: p.name, toId })),
    );
  return { metadata: result.metadata, links };
}

/** Validates an entity's translations against its template (translatable properties only); throws per field. */
export function checkTranslations(
  template: Template,
  ownLanguage: string,
  translations: EntityTranslations,
): EntityTranslations {
  const result = validateTranslations(template, ownLanguage, translations);
  if (!result.ok) throw new ValidationFailed(result.errors);
  return result.translations as EntityTranslations;
}
