/**
 * How many journeys that write run at once, each on a portal of its own (ARCHITECTURE decision 73): two
 * keep the two cores busy while one journey waits on its renderer or its server. One against a portal
 * already running (CYBERPORTAL_E2E_URL): there is no second portal to give the other worker.
 */
export const WRITER_WORKERS = process.env.CYBERPORTAL_E2E_URL ? 1 : 2;
