import type Database from 'better-sqlite3';
import { applyDocChanges, buildDocCache, type Doc, type DocCache } from '../../../search/doc-cache.ts';
import { changedSince, lastChange, loadDocMeta } from './queries.ts';

// Per connection: the keys of every indexed entity, and the last change of search_entities applied to
// them (search_changes). Matching returns docids only; sorting, year ranges, facet counts and cursors then
// run on this cache (one row per entity, ~200 bytes each), so no query joins FTS hits back to a table.
const caches = new WeakMap<Database.Database, { seq: number; cache: DocCache }>();

/**
 * The cached keys of every indexed entity, by docid, and the facet key dictionary. After writes, only the
 * rows they changed are read again; a full load only at first, after a reindex, or when this connection
 * is further behind than the change log keeps (or than a quarter of the collection).
 */
export function docCache(sqlite: Database.Database): DocCache {
  // Read before the rows: a row newer than `seq` is simply read again next time.
  const seq = lastChange(sqlite);
  const hit = caches.get(sqlite);
  if (hit && hit.seq === seq) return hit.cache;
  const changed = hit ? changedSince(sqlite, hit.seq, hit.cache.docs.size / 4) : null;
  const cache =
    hit && changed ? applyDocChanges(hit.cache, merged(sqlite, changed)) : buildDocCache(loadDocMeta(sqlite));
  caches.set(sqlite, { seq, cache });
  return cache;
}

/** The changed docids with their rows now (null: removed from the index). */
function merged(sqlite: Database.Database, docids: number[]) {
  const rows = loadDocMeta(sqlite, docids);
  return new Map(docids.map((docid) => [docid, rows.get(docid) ?? null]));
}

/** The cached keys of every indexed entity, by docid. */
export const docMeta = (sqlite: Database.Database): Map<number, Doc> => docCache(sqlite).docs;
