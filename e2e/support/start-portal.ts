import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drainIngestQueue } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { createDemoConnections } from '../../src/demo/create-demo-connections.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { addUser } from '../../src/operations/add-user.ts';
import { OPERATOR } from '../../src/operations/permissions.ts';
import { startPortal as startServer } from '../../src/server/start-portal.ts';
import { openStore } from '../../src/store/store.ts';

/** The built web app the server serves (run `npx vite build` first; `npm run test:e2e` does). */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** A real portal on a temp data directory loaded with the demo collection, an editor and an admin account. */
export type Portal = {
  url: string;
  dataDir: string;
  editor: { username: string; password: string };
  admin: { username: string; password: string };
  stop: () => Promise<void>;
};

/** Starts the real server (random port, silent logs) on a fresh data dir with the demo collection. */
export async function startPortal({ port = 0 }: { port?: number } = {}): Promise<Portal> {
  const [portal] = await startPortals(1, { port });
  if (!portal) throw new Error('No portal started');
  return portal;
}

/**
 * `count` portals on the same demo collection, each on a data directory of its own: the collection is
 * loaded, ingested and connected once, and the other directories are copies of that one taken with its
 * database closed (~26 s of CPU to load and ingest, against a file copy). The journeys that write run two at
 * a time, each on a portal of its own (e2e/vitest.e2e.config.ts; ARCHITECTURE decision 77).
 */
export async function startPortals(
  count: number,
  {
    port = 0,
    webReady = Promise.resolve(),
  }: {
    port?: number;
    /** Settles once dist/web is built: the build may run while the collection loads (global-setup.ts). */
    webReady?: Promise<void>;
  } = {},
): Promise<Portal[]> {
  // Rejected later is still handled: the load below may take a minute.
  const built = webReady.then(
    () => null,
    (error: unknown) => error,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'cyberportal-e2e-'));
  const loading = await openStore(dataDir);
  const demo = await loadDemo({ store: loading });
  // Every journey sees the same, fully ingested collection: counts and snippets cannot change under a test.
  await drainIngestQueue(loading, configFor(dataDir, port));
  await createDemoConnections({ store: loading, documents: demo.documents });
  // For the journeys that connect and delete passages; a fresh password per run, never a fixed one.
  const editor = { username: 'e2e-editor', password: randomBytes(12).toString('base64url') };
  await addUser({ store: loading, actor: OPERATOR, input: { ...editor, role: 'editor' } });
  const admin = { username: 'e2e-admin', password: randomBytes(12).toString('base64url') };
  await addUser({ store: loading, actor: OPERATOR, input: { ...admin, role: 'admin' } });
  // Closed before it is copied: the write-ahead log is folded into the database file, so a copy is whole.
  await loading.close();
  const dirs = [dataDir];
  for (let i = 1; i < count; i++) {
    const copy = await mkdtemp(join(tmpdir(), 'cyberportal-e2e-'));
    await cp(dataDir, copy, { recursive: true });
    dirs.push(copy);
  }
  const buildError = await built;
  if (buildError) throw buildError;
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error(`No built web app in ${WEB_ROOT}: run \`npx vite build\` first.`);
  return Promise.all(
    dirs.map(async (dir, i) => {
      const config = configFor(dir, i === 0 ? port : 0);
      const store = await openStore(dir);
      const server = await startServer(config, { store, webRoot: WEB_ROOT });
      return {
        url: server.url.replace(/\/$/, ''),
        dataDir: dir,
        editor,
        admin,
        stop: async () => {
          await server.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    }),
  );
}

/**
 * The journeys sign in many times a minute from one address; the limit's own tests set it low again.
 * A search's 5 s deadline protects readers from a hostile query (it has its own tests). At load 25–38 on the
 * shared 2 cores the journeys' search results did not appear within 30 s, five failures in one run of the
 * language sweeps; a search past its deadline fails rather than arriving late, so the journeys allow more.
 */
const configFor = (dataDir: string, port: number) =>
  loadConfig(
    {},
    {
      dataDir,
      port,
      host: '127.0.0.1',
      logLevel: 'silent',
      signInAttemptsPerMinute: 10_000,
      searchTimeoutMs: 60_000,
    },
  );
