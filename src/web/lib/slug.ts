import { originalTitle } from './local.ts';

/**
 * The portal's slug rule (research/portal.md 1.5): the English short name, lower-cased, accents dropped,
 * spaces and punctuation removed, no hyphens. "Côte d'Ivoire" → `cotedivoire`.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The slug of an entity: a `slug` metadata value when the collection stores one, else its own-language
 * title's slug (the same address whatever language the reader sees the title in).
 */
export function entitySlug(entity: { title: string; metadata: Record<string, unknown> }): string {
  const stored = entity.metadata.slug;
  return typeof stored === 'string' && stored ? stored : slugify(originalTitle(entity));
}
