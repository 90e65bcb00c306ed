/**
 * Small pure helpers shared by the demo data modules.
 */

/** ASCII-fold: strip diacritics (é → e, ü → u, ô → o). */
export function asciiFold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The portal's slug rule: the English short name, lower-cased, ASCII-folded, with spaces and punctuation
 * removed (no hyphens). "Côte d'Ivoire" → `cotedivoire`, "Republic of Korea" → `republicofkorea`.
 */
export function toSlug(name: string): string {
  return asciiFold(name)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A thesaurus value id from a label: ASCII-folded, lower-cased, runs of other characters become one dash.
 * "South-eastern Asia" → `south-eastern-asia`, "Latin American and Caribbean" → `latin-american-and-caribbean`.
 */
export function toValueId(label: string): string {
  return asciiFold(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
