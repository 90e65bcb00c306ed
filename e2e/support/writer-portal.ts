import { inject } from 'vitest';

/**
 * A set-up file of the writers' project: points `inject('portalUrl')` of the file about to run at its worker's
 * own portal. Two writers run at once (e2e/vitest.e2e.config.ts) and must never write into the portal the
 * other counts; a worker keeps its VITEST_POOL_ID (1 or 2) while it runs, and two files running at once never
 * share one, so each worker runs its files one after the other on a portal no other worker touches, as the
 * single writers' worker did before (ARCHITECTURE decision 77).
 *
 * Vitest has no public way to provide a value per worker, so this rewrites the worker's provided context
 * (what `inject` reads); if that changes shape in a new Vitest, this throws rather than let two writers share
 * a portal.
 */
const portals = inject('writerPortals');
const pool = Number(process.env.VITEST_POOL_ID);
const mine = portals[pool - 1];
if (!mine)
  throw new Error(
    `No portal for the writers' worker ${process.env.VITEST_POOL_ID} (${portals.length} started)`,
  );
const state = (globalThis as { __vitest_worker__?: { providedContext?: Record<string, unknown> } })
  .__vitest_worker__;
if (!state?.providedContext || state.providedContext.portalUrl === undefined)
  throw new Error(
    "Vitest's worker state has changed shape: e2e/support/writer-portal.ts cannot give this worker its portal",
  );
state.providedContext.portalUrl = mine;
if (inject('portalUrl') !== mine)
  throw new Error('inject("portalUrl") does not read the worker state this file set');
