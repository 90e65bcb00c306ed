import { LANGUAGE_FACET, languageAutonym } from '../domain/text-analysis/index.ts';
import type { FacetDef } from './facets.ts';

/**
 * Adds the language facet (domain/text-analysis/language-facet.ts) to a search's facets, over every
 * template searched: its keys and tags are written by both engines' indexers like a property's. It takes
 * the place of a template property of the same name, were there one.
 */
export function withLanguageFacet(defs: Map<string, FacetDef>, templates: { name: string }[]) {
  defs.set(LANGUAGE_FACET, {
    name: LANGUAGE_FACET,
    label: 'Language',
    type: 'language',
    templates: new Set(templates.map((t) => t.name)),
  });
  return defs;
}

/** Bucket labels of the language facet: each language named in itself. */
export const languageLabels = (values: string[]) => new Map(values.map((v) => [v, languageAutonym(v)]));
