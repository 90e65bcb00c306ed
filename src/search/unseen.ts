import { type Viewer, visibleMetadata } from '../domain/visibility.ts';
import type { DocCache } from './doc-cache.ts';
import type { FacetDef, FacetResult } from './facets.ts';

/**
 * What a search must keep from a viewer who may not see unpublished entities, beyond leaving those entities
 * out of the MATCH: their ids and titles as relationship values of the published entities it returns (result
 * metadata, relationship facet buckets and their labels, filters on their ids). The rule is
 * `domain/visibility.ts`; "published" is read from the reader's cached index keys, which the index keeps in
 * step with the entities table in the same transaction as every write.
 */
export type Unseen = {
  /** Whether a relationship facet value names an entity the viewer may not see. */
  value(def: FacetDef | undefined, value: string): boolean;
  /** An entity's metadata without relationship values naming entities the viewer may not see. */
  metadata(
    template: string,
    metadata: Record<string, unknown>,
    templates: { name: string; properties: { name: string; type: string }[] }[],
  ): Record<string, unknown>;
  /**
   * Removes buckets of unseen entities from relationship facets. One the reader selected (they typed its id)
   * stays listed as if no entity had that id: its id as label, count 0.
   */
  facets(
    facets: Record<string, FacetResult>,
    defs: Map<string, FacetDef>,
    selected: Map<string, string[]>,
  ): void;
};

// Published entity ids per cache: the cache is replaced whenever the index version moves, so this is too.
const publishedSets = new WeakMap<DocCache, Set<string>>();

function publishedIds(cache: DocCache): Set<string> {
  let set = publishedSets.get(cache);
  if (!set) {
    set = new Set();
    for (const d of cache.docs.values()) if (d.published) set.add(d.entityId);
    publishedSets.set(cache, set);
  }
  return set;
}

/** What this viewer may not see in a search, or null when they see everything (anyone signed in). */
export function unseenFor(viewer: Viewer, cache: DocCache): Unseen | null {
  if (viewer.canSeeUnpublished) return null;
  const published = publishedIds(cache);
  const isPublished = (id: string) => published.has(id);
  const value = (def: FacetDef | undefined, v: string) => def?.type === 'relationship' && !published.has(v);
  return {
    value,
    metadata(template, metadata, templates) {
      const properties = templates.find((t) => t.name === template)?.properties ?? [];
      return visibleMetadata(viewer, metadata, properties, isPublished);
    },
    facets(facets, defs, selected) {
      for (const [name, result] of Object.entries(facets)) {
        const def = defs.get(name);
        if (def?.type !== 'relationship') continue;
        const picked = new Set(selected.get(name) ?? []);
        const kept = result.buckets.filter((b) => !value(def, b.value));
        for (const b of result.buckets)
          if (value(def, b.value) && picked.has(b.value))
            kept.push({ value: b.value, label: b.value, count: 0 });
        result.buckets = kept;
      }
    },
  };
}
