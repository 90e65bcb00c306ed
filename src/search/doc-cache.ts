import type Database from 'better-sqlite3';
import { type DocMeta, indexVersion, loadDocMeta } from '../store/sqlite/search/queries.ts';

// Per connection: the keys of every indexed entity, reloaded when the index version moves. Matching
// returns docids only; sorting, year ranges, facet counts and cursors then run on this cache (one
// row per entity, ~200 bytes each), so no query joins FTS hits back to a table.
const caches = new WeakMap<Database.Database, { version: number; meta: Map<number, DocMeta> }>();

/** The cached keys of every indexed entity, by docid. */
export function docMeta(sqlite: Database.Database): Map<number, DocMeta> {
  const version = indexVersion(sqlite);
  const hit = caches.get(sqlite);
  if (hit && hit.version === version) return hit.meta;
  const meta = loadDocMeta(sqlite);
  caches.set(sqlite, { version, meta });
  return meta;
}
