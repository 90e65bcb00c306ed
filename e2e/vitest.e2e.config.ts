import { defineConfig } from 'vitest/config';

/** Browser journeys: one real server with the demo collection for the run, one Chromium per file. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    // Journeys of several screens take more than a minute when the machine is busy with other work.
    testTimeout: 120_000,
    // Pages render after pdf.js and the API answer; a second is too short on a loaded 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    pool: 'forks',
    // Two cores: the server and one browser at a time keep timings honest.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
