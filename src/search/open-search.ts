import type { Store } from '../store/store.ts';
import { isSqliteStore } from '../store/store.ts';
import type { SearchProvider } from './provider.ts';
import { createStoreSearchPool } from './worker-pool.ts';

/** What the server runs search on: a provider, plus a synchronous kill for a process 'exit' handler. */
export type PortalSearch = SearchProvider & { kill(): void };

export type PortalSearchOptions = { workers: number; timeoutMs: number; cache: boolean };

/**
 * The search provider of a store's engine (docs/ARCHITECTURE.md, decision 19): FTS5 in worker processes on
 * SQLite. The server asks for it here and never names an engine itself.
 */
export function openSearch(store: Store, opts: PortalSearchOptions): PortalSearch {
  if (isSqliteStore(store)) return createStoreSearchPool(store, opts);
  throw new Error(`No search provider for the ${store.locator.engine} engine yet`);
}
