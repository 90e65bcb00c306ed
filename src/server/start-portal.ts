import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import { createIngestRunner } from '../operations/create-ingest-runner.ts';
import { resumeCsvImports } from '../operations/import-csv/csv-import-jobs.ts';
import { resumeSchemaJobs } from '../operations/schema/schema-jobs.ts';
import type { SearchProvider } from '../search/provider.ts';
import { openSearch } from '../store/open-search.ts';
import type { Store } from '../store/store.ts';
import { type RunningServer, startServer } from './main.ts';
import { importStageDir } from './routes/imports.routes.ts';
import { referencesRoutes } from './routes/references.routes.ts';
import { searchRoutes } from './routes/search.routes.ts';
import { suggestionsRoutes } from './routes/suggestions.routes.ts';

/** The route plugins of the features beyond the core (mounted under /api/v1): what `serve` adds to buildApp. */
export const featureRoutes = (search: SearchProvider): FastifyPluginAsync[] => [
  searchRoutes({ search }),
  referencesRoutes,
  suggestionsRoutes({ search }),
];

/**
 * The whole portal on one store: the HTTP server with every feature's routes, the search worker pool and
 * the ingest runner. On close the runner and the pool stop before the store closes, so a file cut off
 * mid-way is processed again on the next start.
 */
export async function startPortal(
  config: Config,
  { store, webRoot }: { store: Store; webRoot?: string },
): Promise<RunningServer> {
  const runner = createIngestRunner({ store, config });
  runner.start();
  const pool = openSearch(store, {
    workers: config.searchWorkers,
    timeoutMs: config.searchTimeoutMs,
    cache: config.searchCache,
  });
  // However the process ends (a forced exit on shutdown included), no worker process outlives it: one
  // stuck in a query would not notice its parent is gone until the query ended.
  const killWorkers = () => pool.kill();
  process.once('exit', killWorkers);
  const lifecycle = async (app: FastifyInstance) => {
    app.addHook('onClose', async () => {
      // Both at once: a search that is still running must not wait for the ingest worker, nor it for them.
      await Promise.all([runner.stop(), pool.close()]);
      process.off('exit', killWorkers);
    });
  };
  const server = await startServer(config, {
    store,
    webRoot,
    plugins: featureRoutes(pool),
    rootPlugins: [lifecycle],
  });
  // Imports another process left unfinished (this server stopped mid-way, a killed CLI) go on here.
  await resumeCsvImports({
    store,
    stageDir: importStageDir(config.dataDir),
    onError: (err) => server.app.log.error({ err }, 'CSV import stopped'),
  });
  // Template and thesaurus changes whose entities were not all rewritten and reindexed go on too.
  await resumeSchemaJobs(store, (err) => server.app.log.error({ err }, 'schema job stopped'));
  return server;
}
