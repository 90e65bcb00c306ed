import type Database from 'better-sqlite3';
import { buildDocCache, type Doc, type DocCache } from '../../../search/doc-cache.ts';
import { indexVersion, loadDocMeta } from './queries.ts';

// Per connection: the keys of every indexed entity, reloaded when the index version moves. Matching
// returns docids only; sorting, year ranges, facet counts and cursors then run on this cache (one
// row per entity, ~200 bytes each), so no query joins FTS hits back to a table.
const caches = new WeakMap<Database.Database, { version: number; cache: DocCache }>();

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
