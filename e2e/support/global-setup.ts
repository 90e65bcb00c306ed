import { spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './browser.ts';
import { startPortals } from './start-portal.ts';
import { WRITER_WORKERS } from './writer-workers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string;
    /** An editor account of that portal, for the journeys that connect and delete. */
    editorLogin: { username: string; password: string };
    /** An admin account of that portal, for the journeys of the settings (imports). */
    adminLogin: { username: string; password: string };
    /**
     * The address of each writers' worker's portal, by VITEST_POOL_ID − 1 (e2e/support/writer-portal.ts): the
     * first is portalUrl itself, the others copies of it.
     */
    writerPortals: string[];
  }
}

/**
 * Starts the real portals (or uses CYBERPORTAL_E2E_URL) with the demo collection: one that every reader and the
 * first writers' worker use, and one for each other writers' worker (WRITER_WORKERS); stops them at the end.
 */
export default async function setup(project: TestProject) {
  // CYBERPORTAL_E2E_URL runs the journeys against a portal already running with the demo collection.
  const existing = process.env.CYBERPORTAL_E2E_URL;
  if (existing) {
    project.provide('portalUrl', existing.replace(/\/$/, ''));
    // CYBERPORTAL_E2E_EDITOR="name:password" of an editor of that portal.
    const [username = '', password = ''] = (process.env.CYBERPORTAL_E2E_EDITOR ?? '').split(/:(.*)/s);
    project.provide('editorLogin', { username, password });
    const [adminName = '', adminPassword = ''] = (process.env.CYBERPORTAL_E2E_ADMIN ?? '').split(/:(.*)/s);
    project.provide('adminLogin', { username: adminName, password: adminPassword });
    // One portal: the writers run one at a time on it (the config's WRITER_WORKERS is 1 then).
    project.provide('writerPortals', [existing.replace(/\/$/, '')]);
    return;
  }
  // The web app's build (scripts/run-e2e.js asks for it when dist/web is older than its sources) and the
  // Chromium's launch run while the demo collection loads: neither keeps both cores busy alone (decision 80).
  const webReady = process.env.CYBERPORTAL_E2E_BUILD_IN_SETUP === '1' ? buildWebApp() : Promise.resolve();
  const launching = launchChromiumServer();
  launching.catch(() => undefined); // awaited below; a failed launch must not be an unhandled rejection first
  const portals = await startPortals(WRITER_WORKERS, { webReady }).catch(async (error: unknown) => {
    await launching.then((c) => c.close()).catch(() => undefined);
    throw error;
  });
  const [portal] = portals;
  if (!portal) throw new Error('No portal started');
  project.provide('portalUrl', portal.url);
  project.provide(
    'writerPortals',
    portals.map((p) => p.url),
  );
  project.provide('editorLogin', portal.editor);
  project.provide('adminLogin', portal.admin);
  // One Chromium for every file (the workers are forked after this and inherit the address).
  const chromium = await launching;
  process.env.CYBERPORTAL_E2E_BROWSER_WS = chromium.wsEndpoint();
  return async () => {
    await chromium.close();
    await Promise.all(portals.map((p) => p.stop()));
  };
}

/** `vite build` of the web app into dist/web, as scripts/run-e2e.js ran it before the journeys. */
function buildWebApp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    build.on('error', reject);
    build.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`vite build failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
