import type Database from 'better-sqlite3';

type Mode = 'rows' | 'raw' | 'pluck';
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement prepared once per connection and mode. Preparing the dozen statements of one search on
 * every call cost ~2 ms of a 20 ms query (bench/search, CPU profile); the mode is part of the key
 * because raw/pluck are switches on the shared statement object.
 */
export function cached(sqlite: Database.Database, sql: string, mode: Mode = 'rows'): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  const key = `${mode}\u0000${sql}`;
  let stmt = cache.get(key);
  if (!stmt) {
    stmt = sqlite.prepare(sql);
    if (mode === 'raw') stmt.raw(true);
    if (mode === 'pluck') stmt.pluck(true);
    // Statements with a variable number of placeholders (IN lists) would grow the cache without bound.
    if (cache.size > 500) cache.clear();
    cache.set(key, stmt);
  }
  return stmt;
}
