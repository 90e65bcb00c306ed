import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import { openConfiguredStore } from '../store/open-configured-store.ts';
import type { Store } from '../store/store.ts';
import { buildApp } from './app.ts';

/** The built web app, when `npm run build` has produced it. */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Longest a SIGTERM/SIGINT shutdown may take before the process exits anyway (operators expect ≤ 10 s). */
const SHUTDOWN_LIMIT_MS = 8000;

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
  const store = opts.store ?? (await openConfiguredStore(config));
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
      // Node closes the connections that are idle when the server closes, but not those whose request
      // ends later: kept alive, they held app.close() for the 72 s keep-alive timeout. Drop each one as
      // soon as its request is answered.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      await store.close();
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      console.log(`${signal} received again: stopping now.`);
      process.exit(1);
    }
    console.log(`${signal} received, shutting down…`);
    // Requests in flight, a search, an extraction or re-anchoring may each take a while to end; the
    // process stops within SHUTDOWN_LIMIT_MS whatever runs ('exit' handlers kill the worker processes).
    setTimeout(() => {
      console.error(`Still shutting down after ${SHUTDOWN_LIMIT_MS / 1000} s: stopping now.`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
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
