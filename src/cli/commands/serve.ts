import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { hasCollection } from '../../demo/load-demo.ts';
import { addUser } from '../../operations/add-user.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { startPortal } from '../../server/start-portal.ts';
import { openConfiguredStore } from '../../store/open-configured-store.ts';
import type { Store } from '../../store/store.ts';
import { configFrom, type GlobalOptions } from '../context.ts';
import { installDemoCollection } from '../demo-collection.ts';

/**
 * On an empty data directory: loads the demo, processes its PDFs and connects their passages before serving
 * (so the first page a visitor opens has text, search hits and highlights), and creates an admin with a
 * random password, printed once and kept in `<data>/initial-admin.txt` (mode 600) so it is not lost with the
 * terminal. A later start finds the collection and skips all of it.
 */
async function firstStart(store: Store, config: Config) {
  const { dataDir } = config;
  if (!(await hasCollection(store))) {
    console.log(`Empty data directory ${dataDir}: loading the demo collection…`);
    const r = await installDemoCollection(store, config);
    console.log(
      `Loaded ${r.states} states, ${r.organisations} organisations, ${r.documents.length} sample documents and ${r.connections} connections between their passages.`,
    );
  }
  if ((await store.users.list()).length === 0) {
    const password = randomBytes(12).toString('base64url');
    await addUser({ store, actor: OPERATOR, input: { username: 'admin', password, role: 'admin' } });
    const file = join(dataDir, 'initial-admin.txt');
    writeFileSync(file, `username: admin\npassword: ${password}\n`, { mode: 0o600 });
    console.log(`Created the administrator account  admin / ${password}  (also saved in ${file}).`);
    console.log(
      'Change the password after signing in, or add your own: npx cyberportal user add NAME --role admin',
    );
  }
}

/** `serve`: first start if needed, then the portal (HTTP server, search workers, ingest runner). */
export function registerServe(program: Command) {
  program
    .command('serve')
    .description('serve the portal (loads the demo collection into an empty data directory)')
    .option('-p, --port <port>', 'HTTP port (default PORT or 3000)')
    .option('--no-demo', 'do not load the demo collection into an empty data directory')
    .action(async (opts: { port?: string; demo: boolean }, cmd: Command) => {
      const config = configFrom({ ...cmd.optsWithGlobals<GlobalOptions>(), port: opts.port });
      const store = await openConfiguredStore(config);
      if (opts.demo) await firstStart(store, config);
      await startPortal(config, { store });
    });
}
