/**
 * The text search configurations of the PostgreSQL engine, one per language with a Snowball stemmer,
 * plus `cp_simple` for every other language (CJK, Hindi…): case- and accent-folded words, unstemmed.
 * Each is created by the search migration as `cp_<name>`: unaccent (when the contrib extension is
 * there) then the stemmer, with no stop words, so "the" or "de" are searchable as in the FTS5 engine.
 */
export const STEMMED_LANGUAGES: Record<string, string> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  ru: 'russian',
  ar: 'arabic',
  de: 'german',
  pt: 'portuguese',
  it: 'italian',
  nl: 'dutch',
};

/** Every configuration a row may be indexed with: a query is stemmed with each, so it finds every row. */
export const SEARCH_CONFIGS = ['cp_simple', ...Object.values(STEMMED_LANGUAGES).map((l) => `cp_${l}`)];

/** The configuration of an entity, file or paragraph language code ('en', 'fr-CA'); `cp_simple` if none. */
export function searchConfig(language: string | null | undefined): string {
  const code = (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const name = STEMMED_LANGUAGES[code];
  return name ? `cp_${name}` : 'cp_simple';
}
