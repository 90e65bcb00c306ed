import { defineConfig } from 'vitest/config';
import { WRITER_WORKERS } from './support/writer-workers.ts';

/**
 * The journeys that only read the shared portal (they may sign in, never write): two at a time, before
 * any journey that writes. They see the demo collection as loaded, and no write can land under them.
 */
const READERS = [
  'browse',
  'compare',
  'content-languages',
  'editing-screens',
  'languages',
  'map',
  'phone',
  'profile',
  'pseudo-language',
  'search',
].map((name) => `e2e/${name}.e2e.ts`);

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
 * ARCHITECTURE decisions 65, 72 and 77). Readers first, two files at a time on one portal: a journey mostly
 * waits on one renderer or the server, so two keep the 2 cores busy. Then the writers, two files at a time,
 * each worker on a portal of its own (a copy of the first, made before any journey ran): they add, edit and
 * delete in the collection, so two writers never share a portal, and a worker's files run one after another
 * on its portal as the one writers' worker's did before.
 */
export default defineConfig({
  test: {
    globalSetup: ['e2e/support/global-setup.ts'],
    projects: [
      {
        test: {
          ...journeys,
          name: 'readers',
          include: READERS,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...journeys,
          name: 'writers',
          include: ['e2e/**/*.e2e.ts'],
          exclude: READERS,
          maxWorkers: WRITER_WORKERS,
          // Points each worker's files at its own portal (by VITEST_POOL_ID).
          setupFiles: ['e2e/support/writer-portal.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
