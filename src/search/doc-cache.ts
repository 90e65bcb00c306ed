import type Database from 'better-sqlite3';
import { type DocMeta, indexVersion, loadDocMeta } from '../store/sqlite/search/queries.ts';

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

// Per connection: the keys of every indexed entity, reloaded when the index version moves. Matching
// returns docids only; sorting, year ranges, facet counts and cursors then run on this cache (one
// row per entity, ~200 bytes each), so no query joins FTS hits back to a table.
const caches = new WeakMap<Database.Database, { version: number; cache: DocCache }>();

/** The cache of some indexed entities' keys (exported for the PostgreSQL engine, which loads them its own way). */
export function buildDocCache(meta: Map<number, DocMeta>): DocCache {
  const keys: FacetKeys = { property: [], value: [], id: new Map(), byProperty: new Map() };
  const intern = (property: string, value: string) => {
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
  };
  const docs = new Map<number, Doc>();
  for (const [docid, m] of meta) {
    const ids: number[] = [];
    for (const [p, vs] of Object.entries(m.facets)) {
      if (!vs.length) ids.push(intern(p, ''));
      for (const v of vs) ids.push(intern(p, v));
    }
    docs.set(docid, { ...m, keys: Int32Array.from(ids) });
  }
  return { docs, keys, titles: new Map() };
}

/** The cached keys of every indexed entity, by docid, and the facet key dictionary. */
export function docCache(sqlite: Database.Database): DocCache {
  const version = indexVersion(sqlite);
  const hit = caches.get(sqlite);
  if (hit && hit.version === version) return hit.cache;
  const cache = buildDocCache(loadDocMeta(sqlite));
  caches.set(sqlite, { version, cache });
  return cache;
}

/** The cached keys of every indexed entity, by docid. */
export const docMeta = (sqlite: Database.Database): Map<number, Doc> => docCache(sqlite).docs;
