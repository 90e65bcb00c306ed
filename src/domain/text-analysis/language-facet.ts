import { isUiLanguage, LANGUAGE_INFO } from '../languages.ts';
import { baseLanguage } from './analyse.ts';

/*
 * The language facet: which languages an entity has content in (its own language, that of its title and
 * metadata, and each of its files'). Kept with the template facets (same keys, tags and counts in both
 * engines) under a name no template property may take.
 */

/** The facet's name in `facets`, `f.language=` filters and the tags. */
export const LANGUAGE_FACET = 'language';

/** The languages an entity has content in, as base codes ('fr-CA' → 'fr'), sorted. */
export function contentLanguages(entityLanguage: string | null, fileLanguages: (string | null)[]): string[] {
  const codes = [entityLanguage, ...fileLanguages].map(baseLanguage).filter(Boolean);
  return [...new Set(codes)].sort();
}

/** A language as its readers name it (العربية, 中文, Français…): the bucket label of the facet. */
export function languageAutonym(code: string): string {
  if (isUiLanguage(code)) return LANGUAGE_INFO[code].name;
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The languages a query is analysed in: those ticked in the language facet ("only in my language" is
 * the reader's own language ticked), else every language.
 */
export function queryLanguages(filters: Record<string, { values: string[]; op?: string }> | undefined) {
  const ticked = filters?.[LANGUAGE_FACET];
  if (!ticked || ticked.op === 'and') return undefined;
  const codes = ticked.values.map(baseLanguage).filter(Boolean);
  return codes.length ? [...new Set(codes)] : undefined;
}
