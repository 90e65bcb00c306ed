import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../src/config.ts';
import { databasePath } from '../src/store/sqlite/open-database.ts';
import { openStore, type SqliteStore } from '../src/store/store.ts';

/** A store in a fresh temp data directory, built through the real migrations. */
export type TempStore = { store: SqliteStore; dataDir: string; config: Config; cleanup: () => Promise<void> };

/**
 * Makes a temp data dir, opens a store in it and returns a config pointing there (logging silenced). Under
 * Vitest the database starts as a copy of the run's migrated template (test/sqlite-template-setup.ts);
 * elsewhere (benches) the migrations run here.
 */
export async function createTempStore(overrides: Partial<Config> = {}): Promise<TempStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cyberportal-test-'));
  const template = process.env.CYBERPORTAL_TEST_SQLITE_TEMPLATE;
  if (template && existsSync(databasePath(template)))
    await copyFile(databasePath(template), databasePath(dataDir));
  const store = await openStore(dataDir);
  // Tests sign in many times a minute from one address; the limit's own tests set it low again.
  const config = loadConfig(
    {},
    { logLevel: 'silent', signInAttemptsPerMinute: 10_000, ...overrides, dataDir },
  );
  return {
    store,
    dataDir,
    config,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
