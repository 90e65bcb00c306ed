/**
 * One portal for bench/http/run.ts, from a given checkout (`tree`), so the code before and after a change
 * serve the same corpus in the same run: `node --import tsx bench/http/server.ts <tree> <dataDir> <cache>`.
 * It is the real `startPortal` (HTTP server, search worker pool, result cache when `cache` is 1). On the
 * message {write: ms} it edits one document every `ms` (its title, then the index through the store, as a
 * curator's save does), `{write: 0}` stops; `{stop: true}` closes. Reports {url} when listening and
 * {writes} when stopped.
 */
import { join } from 'node:path';
import { titleEdits } from './title-edits.ts';

const [tree, dataDir, cache] = process.argv.slice(2) as [string, string, string];
const { loadConfig } = await import(join(tree, 'src/config.ts'));
const { openStore } = await import(join(tree, 'src/store/store.ts'));
const { startPortal } = await import(join(tree, 'src/server/start-portal.ts'));

const config = loadConfig(
  { ...process.env, CYBERPORTAL_SEARCH_CACHE: cache },
  { dataDir, port: 0, host: '127.0.0.1', logLevel: 'silent' },
);
const store = await openStore(dataDir);
const log = console.log;
console.log = () => {}; // the "listening on" line
const server = await startPortal(config, { store });
console.log = log;
const address = server.app.server.address() as { port: number };

const sqlite = store.sqlite.sqlite;
const { ids, rename } = titleEdits(sqlite);
let writes = 0;
let timer: NodeJS.Timeout | null = null;
const stats = Number(process.env.CYBERPORTAL_SEARCH_CACHE_STATS ?? 0) > 0;
const write = async () => {
  const id = ids[(writes * 7919) % ids.length]!;
  const t0 = performance.now();
  rename.run(`Edited document ${writes}`, new Date().toISOString(), id);
  await store.searchIndex.indexEntity(id);
  if (stats) process.stderr.write(`[write] ${writes} took ${(performance.now() - t0).toFixed(1)} ms\n`);
  writes++;
};

process.on('message', async (m: { write?: number; stop?: boolean }) => {
  if (m.write !== undefined) {
    if (timer) clearInterval(timer);
    timer = m.write ? setInterval(() => void write(), m.write) : null;
  }
  if (m.stop) {
    if (timer) clearInterval(timer);
    await server.close();
    process.send?.({ writes }, () => process.exit(0));
  }
});
process.send?.({ url: `http://127.0.0.1:${address.port}` });
