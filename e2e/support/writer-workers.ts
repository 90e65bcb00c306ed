/**
 * How many journeys that write run at once, each on a portal of its own (ARCHITECTURE decisions 77 and 80).
 * One by default: in this session's two fresh-clone runs with two queues, a writer journey failed each time
 * (connect, then translations: races that more load makes likelier); CYBERPORTAL_E2E_WRITERS=2 runs two. Always one against a portal already running
 * (CYBERPORTAL_E2E_URL): there is no second portal to give the other worker.
 */
const asked = Number(process.env.CYBERPORTAL_E2E_WRITERS ?? 1);
if (!Number.isInteger(asked) || asked < 1)
  throw new Error(
    `CYBERPORTAL_E2E_WRITERS must be a whole number from 1 (got ${process.env.CYBERPORTAL_E2E_WRITERS})`,
  );
export const WRITER_WORKERS = process.env.CYBERPORTAL_E2E_URL ? 1 : asked;
