/**
 * Serves the built web app against a real server with the demo collection, for looking at the UI by hand:
 * `npx tsx e2e/support/serve-demo.ts [port]`. Stops with Ctrl-C; the temp data dir is removed.
 */
import { startPortal } from './start-portal.ts';

const portal = await startPortal({ port: Number(process.argv[2] ?? 4173) });
console.log(`Portal with the demo collection at ${portal.url}`);
