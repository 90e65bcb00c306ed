/**
 * How many journeys that write run at once, each on a portal of its own (ARCHITECTURE decision 77): two
 * keep the two cores busy while one journey waits on its renderer or its server. One against a portal
 * already running (CYBERPORTAL_E2E_URL): there is no second portal to give the other worker.
 * CYBERPORTAL_E2E_WRITERS=1 runs them one at a time on one portal, as before (to compare, or to rule the
 * second queue out when a writer fails).
 */
const asked = Number(process.env.CYBERPORTAL_E2E_WRITERS ?? 2);
if (!Number.isInteger(asked) || asked < 1)
  throw new Error(
    `CYBERPORTAL_E2E_WRITERS must be a whole number from 1 (got ${process.env.CYBERPORTAL_E2E_WRITERS})`,
  );
export const WRITER_WORKERS = process.env.CYBERPORTAL_E2E_URL ? 1 : asked;
