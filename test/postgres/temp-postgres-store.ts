import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { createTestDatabase } from './test-database.ts';

/** A PostgreSQL store on a fresh database of the run's server, its originals in a temp directory. */
export async function createTempPostgresStore(): Promise<{
  store: PostgresStore;
  url: string;
  dataDir: string;
  cleanup: () => Promise<void>;
}> {
  const database = await createTestDatabase(inject('postgresUrl'), inject('postgresTemplate'));
  const dataDir = await mkdtemp(join(tmpdir(), 'cyberportal-pgtest-'));
  const store = await openPostgresStore(database.url, { dataDir });
  return {
    store,
    url: database.url,
    dataDir,
    cleanup: async () => {
      await store.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
