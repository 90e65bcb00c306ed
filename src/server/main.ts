import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import { openStore, type Store } from '../store/store.ts';
import { buildApp } from './app.ts';

/** The built web app, when `npm run build` has produced it. */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** A running server and how to stop it. */
export type RunningServer = { app: FastifyInstance; store: Store; url: string; close: () => Promise<void> };

/**
 * Opens the store, builds the app, listens on config.host:config.port and prints the URL. SIGINT/SIGTERM
 * close the server (letting requests in flight finish) and then the database.
 */
export async function startServer(
  config: Config,
  opts: {
    store?: Store;
    webRoot?: string;
    plugins?: FastifyPluginAsync[];
    rootPlugins?: FastifyPluginAsync[];
  } = {},
): Promise<RunningServer> {
  const store = opts.store ?? (await openStore(config.dataDir));
  const webRoot = opts.webRoot ?? (existsSync(DEFAULT_WEB_ROOT) ? DEFAULT_WEB_ROOT : undefined);
  const app = await buildApp({
    config,
    store,
    webRoot,
    plugins: opts.plugins,
    rootPlugins: opts.rootPlugins,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}/`;
  console.log(`Cyber Policy Portal listening on ${url} (API docs: ${url}api/docs)`);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await app.close();
      await store.close();
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(`${signal} received, shutting down…`);
    close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { app, store, url, close };
}
