/**
 * Facet values are indexed as tokens in a zero-weighted `tags` column of the entity full-text table, so
 * `MATCH 'words AND tags:tok'` is answered inside FTS5 (research/tech.md: p95 210 ms → 5 ms). Property
 * names and thesaurus ids contain characters the tokenizer splits on (`-`), so values are hashed into
 * one alphanumeric token; the `zz` prefix keeps them readable in debugging and apart from real words.
 */

/** 32-bit FNV-1a of a string with a seed; pure (no node:crypto) so the browser bundle may import it. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** ~64-bit hash in base36: collisions among a collection's few thousand facet values are negligible. */
const hash = (text: string) => fnv1a(text, 0x811c9dc5).toString(36) + fnv1a(text, 0x9747b28c).toString(36);

export const TAG_ALL = 'zzall';
export const TAG_PUBLISHED = 'zzpub1';
export const tagTemplate = (template: string) => `zzt${hash(template)}`;
export const tagValue = (property: string, value: string) => `zzp${hash(`${property}\u0000${value}`)}`;
export const tagMissing = (property: string) => `zzm${hash(property)}`;
/** Year of the entity's main date (yearFrom/yearTo). */
export const tagYear = (year: number) => `zzy${year}`;
