import { openStoreAt, type Store } from './store.ts';

/**
 * The store the configuration names: PostgreSQL when a database URL is given (`--database`,
 * CYBERPORTAL_DATABASE_URL), so several app servers can share one collection; otherwise the embedded SQLite
 * database in the data directory. Uploaded originals are in the data directory either way.
 */
export function openConfiguredStore(config: { dataDir: string; databaseUrl: string | null }): Promise<Store> {
  return openStoreAt(
    config.databaseUrl
      ? { engine: 'postgres', url: config.databaseUrl, dataDir: config.dataDir }
      : { engine: 'sqlite', dataDir: config.dataDir },
  );
}
