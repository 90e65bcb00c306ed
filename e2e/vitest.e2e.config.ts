import { defineConfig } from 'vitest/config';
import { READERS, SIDE_BY_SIDE } from './support/journeys.ts';
import { WRITER_WORKERS } from './support/writer-workers.ts';
import WritersFirst from './support/writers-first.ts';

/** What every journey project shares (a project does not inherit the root's test options). */
const journeys = {
  // Journeys of several screens take more than a minute when the machine is busy with other work.
  testTimeout: 120_000,
  // Pages render after pdf.js and the API answer; a second is too short on a loaded 2-core machine.
  expect: { poll: { timeout: 10_000 } },
  hookTimeout: 180_000,
  pool: 'forks',
  // One process runs every file of its project in turn, importing Vitest, Playwright and axe once; each
  // file still makes its own browser contexts and closes them.
  isolate: false,
} as const;

/**
 * Browser journeys: real servers with the demo collection and one Chromium for the run (the global set-up;
 * ARCHITECTURE decisions 65, 72, 77 and 84). The readers run on the first portal, several files at a time: a
 * journey mostly waits on one renderer or the server. The writers add, edit and delete in the collection, so
 * they run one after another.
 *
 * The whole suite (scripts/run-e2e.js, SIDE_BY_SIDE) runs both at once: the writers as one file
 * (e2e/support/writers-in-turn.ts) on a portal of their own, a copy of the first made before any journey ran,
 * and the readers on the other two workers. Otherwise (one journey by hand, or an existing portal) the
 * readers run first, two at a time, then each writer file, on the first portal.
 */
export default defineConfig({
  test: {
    globalSetup: ['e2e/support/global-setup.ts'],
    sequence: { sequencer: WritersFirst },
    projects: [
      {
        test: {
          ...journeys,
          name: 'readers',
          include: READERS,
          maxWorkers: SIDE_BY_SIDE ? 3 : 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...journeys,
          name: 'writers',
          include: SIDE_BY_SIDE ? ['e2e/support/writers-in-turn.ts'] : ['e2e/**/*.e2e.ts'],
          exclude: READERS,
          // Side by side, the two projects are one group, which Vitest requires to share one worker count.
          maxWorkers: SIDE_BY_SIDE ? 3 : WRITER_WORKERS,
          // Points each worker's files at its own portal (by VITEST_POOL_ID).
          setupFiles: ['e2e/support/writer-portal.ts'],
          sequence: { groupOrder: SIDE_BY_SIDE ? 0 : 1 },
        },
      },
    ],
  },
});
