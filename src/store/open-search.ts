import type { SearchProvider } from '../search/provider.ts';
import { withResultCache } from '../search/result-cache.ts';
import { isPostgresStore } from './postgres/open-postgres-store.ts';
import { createPostgresSearchProvider } from './postgres/search/provider.ts';
import { createStoreSearchPool } from './sqlite/search/worker-pool.ts';
import type { Store } from './store.ts';
import { isSqliteStore } from './store.ts';

/** What the server runs search on: a provider, plus a synchronous kill for a process 'exit' handler. */
export type PortalSearch = SearchProvider & { kill(): void };

export type PortalSearchOptions = { workers: number; timeoutMs: number; cache: boolean };

/**
 * The search provider of a store's engine (docs/ARCHITECTURE.md, decisions 19 and 27): FTS5 in worker
 * processes on SQLite, full-text queries on the store's own pool on PostgreSQL. The server asks for it here
 * and never names an engine itself. With `cache`, searches go through the shared result cache, keyed by the
 * write generation that every server's writes move in the database (decision 20), so a cache in one app
 * server is never stale after a write through another.
 */
export function openSearch(store: Store, opts: PortalSearchOptions): PortalSearch {
  if (isSqliteStore(store)) return createStoreSearchPool(store, opts);
  if (isPostgresStore(store)) {
    const provider = createPostgresSearchProvider({ pool: store.postgres.pool, timeoutMs: opts.timeoutMs });
    const cached = opts.cache
      ? withResultCache(provider, { generation: () => store.searchIndex.generation(), feed: provider.feed })
      : provider;
    // Its queries run on the store's pool, which the store closes: nothing to kill on exit.
    return { ...cached, kill: () => {} };
  }
  throw new Error(`No search provider for the ${store.locator.engine} engine`);
}
