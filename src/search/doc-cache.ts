/** Sort and facet keys of one indexed entity, as cached by each reader connection (any engine). */
export type DocMeta = {
  docid: number;
  entityId: string;
  template: string;
  published: boolean;
  title: string;
  titleKey: string;
  dateKey: string;
  /** Values of each filterable property of the entity's template ([] when it has none). */
  facets: Record<string, string[]>;
};

/**
 * An indexed entity's cached keys. `keys` are the facet values it has as small integers (one per
 * value, one "no value" key per property without one), so counting a facet over 5,000 matches is an
 * array increment per value: counting with `property\0value` strings in a Map cost ~10 ms a query.
 */
export type Doc = DocMeta & { keys: Int32Array };

/** The facet key dictionary: what key id k means. value '' = the property has no value. */
export type FacetKeys = {
  property: string[];
  value: string[];
  /** id of `property\0value`, for turning filters into key ids. */
  id: Map<string, number>;
  /** Every key id of a property. */
  byProperty: Map<string, number[]>;
};

/**
 * `titles`: labels of relationship facet values (entity titles, with whether they are published), filled
 * on use. Safe to keep per version: renaming or (un)publishing an entity reindexes it, which moves the
 * version.
 */
export type DocCache = {
  docs: Map<number, Doc>;
  keys: FacetKeys;
  titles: Map<string, { title: string; published: boolean }>;
};

export const keyName = (property: string, value: string) => `${property}\u0000${value}`;

/** The cache of some indexed entities' keys (exported for the PostgreSQL engine, which loads them its own way). */
export function buildDocCache(meta: Map<number, DocMeta>): DocCache {
  const keys: FacetKeys = { property: [], value: [], id: new Map(), byProperty: new Map() };
  const docs = new Map<number, Doc>();
  for (const [docid, m] of meta) docs.set(docid, withKeys(keys, m));
  return { docs, keys, titles: new Map() };
}

/** Interns a facet value (its key id, added to the dictionary if new). */
function intern(keys: FacetKeys, property: string, value: string): number {
  const name = keyName(property, value);
  let k = keys.id.get(name);
  if (k === undefined) {
    k = keys.property.length;
    keys.property.push(property);
    keys.value.push(value);
    keys.id.set(name, k);
    keys.byProperty.set(property, [...(keys.byProperty.get(property) ?? []), k]);
  }
  return k;
}

function withKeys(keys: FacetKeys, m: DocMeta): Doc {
  const ids: number[] = [];
  for (const [p, vs] of Object.entries(m.facets)) {
    if (!vs.length) ids.push(intern(keys, p, ''));
    for (const v of vs) ids.push(intern(keys, p, v));
  }
  return { ...m, keys: Int32Array.from(ids) };
}

/**
 * The cache after some entities changed (`null`: left the index), without reloading the others: a write
 * costs the next search the rows it wrote, not the whole collection (issue 16 item 2). The maps are
 * updated in place and a new cache object returned, so what was derived from the old object (the
 * published set of unseen.ts) is derived again. Keys of values no entity holds any more stay in the
 * dictionary (they count 0, as facet values nobody matches do). A changed entity's title leaves the
 * relationship-label cache: it may have been renamed or (un)published.
 */
export function applyDocChanges(cache: DocCache, changed: Map<number, DocMeta | null>): DocCache {
  const { docs, keys, titles } = cache;
  for (const [docid, m] of changed) {
    const before = docs.get(docid);
    if (before) titles.delete(before.entityId);
    if (m) {
      titles.delete(m.entityId);
      docs.set(docid, withKeys(keys, m));
    } else docs.delete(docid);
  }
  return { docs, keys, titles };
}
