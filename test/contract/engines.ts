import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe } from 'vitest';
import { openStore, type Store } from '../../src/store/store.ts';
import { createTempPostgresStore } from '../postgres/temp-postgres-store.ts';

/** The engines every contract test runs on. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/** Opens a fresh, empty, migrated store; it is closed and removed after the test. */
export type OpenStore = () => Promise<Store>;

async function openFresh(engine: Engine): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (engine === 'postgres') return createTempPostgresStore();
  const dataDir = await mkdtemp(join(tmpdir(), 'cyberportal-contract-'));
  const store = await openStore(dataDir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The contract suite's one entry point: `body` is written once against `Store` and runs, unchanged, once per
 * engine (a describe block named after it). `open` gives a fresh store: SQLite in a temp data directory,
 * PostgreSQL in a new database copied from the migrated template (test/postgres/global-setup.ts).
 */
export function describeEachEngine(name: string, body: (open: OpenStore, engine: Engine) => void) {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      const cleanups: (() => Promise<void>)[] = [];
      afterEach(async () => {
        await Promise.all(cleanups.splice(0).map((c) => c()));
      });
      const open: OpenStore = async () => {
        const { store, cleanup } = await openFresh(engine);
        cleanups.push(cleanup);
        return store;
      };
      body(open, engine);
    });
  }
}
