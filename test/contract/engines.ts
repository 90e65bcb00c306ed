import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { createTempPostgresStore } from '../postgres/temp-postgres-store.ts';

/** The engines every contract test runs on. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * Opens a fresh, empty, migrated store; it is closed and removed after the test. `open.another(store)` opens
 * a second store on the same database (its own connections, as a second app server or process has).
 */
export type OpenStore = (() => Promise<Store>) & { another: (store: Store) => Promise<Store> };

type Opened = { store: Store; cleanup: () => Promise<void>; another: () => Promise<Store> };

async function openFresh(engine: Engine): Promise<Opened> {
  if (engine === 'postgres') {
    const pg = await createTempPostgresStore();
    return { ...pg, another: () => openPostgresStore(pg.url, { dataDir: pg.dataDir }) };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'cyberportal-contract-'));
  const store = await openStore(dataDir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    another: () => openStore(dataDir),
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
        for (const c of cleanups.splice(0)) await c();
      });
      const others = new Map<Store, () => Promise<Store>>();
      const open: OpenStore = Object.assign(
        async () => {
          const { store, cleanup, another } = await openFresh(engine);
          cleanups.push(cleanup);
          others.set(store, another);
          return store;
        },
        {
          another: async (store: Store) => {
            const make = others.get(store);
            if (!make) throw new Error('open.another takes a store made by open()');
            const second = await make();
            // Closed before the first store's cleanup drops its database.
            cleanups.unshift(() => second.close());
            return second;
          },
        },
      );
      body(open, engine);
    });
  }
}
