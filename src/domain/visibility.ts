import type { Role } from './schemas/user.ts';

/**
 * The portal's one visibility rule. Anyone signed in (any role, and the operator at the command line) sees
 * unpublished entities; an anonymous reader sees published ones only, and nothing of an unpublished one: not
 * the entity, not its title or id among another entity's relationship values, not a facet bucket for it, and
 * no search hit on a published entity through the words of its title. Every read path (operations, search
 * workers, routes) asks these functions instead of deciding for itself, so the rule can change in one place.
 */
export type Viewer = { readonly canSeeUnpublished: boolean };

/** Who reads as an anonymous reader. */
export const ANONYMOUS: Viewer = { canSeeUnpublished: false };

/** The viewer an actor reads as; null or undefined is an anonymous reader. */
export const viewerOf = (actor: { role: Role } | null | undefined): Viewer => ({
  canSeeUnpublished: actor !== null && actor !== undefined,
});

/**
 * What a shared answer may be keyed by: two viewers of the same class see the same thing (result cache keys,
 * ETags). Kept here so a finer rule (per user) changes the keys with it.
 */
export const viewerClass = (viewer: Viewer) => (viewer.canSeeUnpublished ? 'signed-in' : 'anonymous');

/** Whether the viewer may see an entity (stored flags may be 0/1). */
export const canSee = (viewer: Viewer, entity: { published: boolean | number }) =>
  viewer.canSeeUnpublished || !!entity.published;

/** Whether lists and counts must leave unpublished entities out (the `publishedOnly` of store queries). */
export const publishedOnly = (viewer: Viewer) => !viewer.canSeeUnpublished;

type PropertyShape = { name: string; type: string };

/** The entity ids an entity's relationship properties point at (to look up which of them are visible). */
export function relationshipTargets(
  metadata: Record<string, unknown>,
  properties: readonly PropertyShape[],
): string[] {
  const ids: string[] = [];
  for (const p of properties) {
    if (p.type !== 'relationship') continue;
    const v = metadata[p.name];
    if (Array.isArray(v)) ids.push(...v.map(String));
    else if (typeof v === 'string' && v) ids.push(v);
  }
  return ids;
}

/**
 * Metadata as the viewer may see it: relationship values pointing at entities the viewer may not see are
 * left out (an anonymous reader must not learn the id of an unpublished entity from a published one that
 * links to it). `isPublished(id)` answers for the targets; an id it does not know (a deleted entity) counts as
 * unpublished. Returns the same object when nothing is hidden.
 */
export function visibleMetadata(
  viewer: Viewer,
  metadata: Record<string, unknown>,
  properties: readonly PropertyShape[],
  isPublished: (id: string) => boolean,
): Record<string, unknown> {
  if (viewer.canSeeUnpublished) return metadata;
  let out: Record<string, unknown> | null = null;
  for (const p of properties) {
    if (p.type !== 'relationship' || !(p.name in metadata)) continue;
    const v = metadata[p.name];
    if (Array.isArray(v)) {
      const kept = v.filter((id) => isPublished(String(id)));
      if (kept.length === v.length) continue;
      out ??= { ...metadata };
      out[p.name] = kept;
    } else if (typeof v === 'string' && v && !isPublished(v)) {
      out ??= { ...metadata };
      delete out[p.name];
    }
  }
  return out ?? metadata;
}
