/**
 * How many journeys that write run at once, each on a portal of its own (ARCHITECTURE decision 77). One by
 * default: with two, a fresh-clone run failed connect.e2e's keyboard journey (its target's paragraph list
 * stayed empty), which one at a time never has; CYBERPORTAL_E2E_WRITERS=2 runs two queues, each on its own
 * portal, until that is understood. Always one against a portal already running (CYBERPORTAL_E2E_URL):
 * there is no second portal to give the other worker.
 */
const asked = Number(process.env.CYBERPORTAL_E2E_WRITERS ?? 1);
if (!Number.isInteger(asked) || asked < 1)
  throw new Error(
    `CYBERPORTAL_E2E_WRITERS must be a whole number from 1 (got ${process.env.CYBERPORTAL_E2E_WRITERS})`,
  );
export const WRITER_WORKERS = process.env.CYBERPORTAL_E2E_URL ? 1 : asked;
