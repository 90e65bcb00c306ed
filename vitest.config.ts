import { defineConfig } from 'vitest/config';

/**
 * Files whose time is the ingest's child processes (extraction workers, tesseract, the CLI) rather than
 * module loading: each keeps a fork of its own, so what they leave behind (a runner stopped late, a worker
 * still reading a scan) ends with the fork.
 */
const OWN_FORK = [
  'src/ingest/jobs/**/*.test.ts',
  'src/ingest/ocr/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'src/server/routes/ocr.routes.test.ts',
  'src/server/shutdown.test.ts',
  'src/server/disk-full.test.ts',
];
const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'];

/** What both projects share (a project does not inherit the root's test options). */
const common = {
  testTimeout: 30_000,
  // New password hashes at scrypt N = 2^10 instead of 2^15 (~50 ms and 32 MiB each; passwords.ts honours
  // it only under Vitest, and login.test.ts checks the real cost): the suite hashes hundreds.
  env: { CYBERPORTAL_TEST_SCRYPT_N: String(2 ** 10) },
  hookTimeout: 60_000,
  pool: 'forks' as const,
  // Native SQLite and pdf.js work is CPU bound; two workers match the two cores we have (both projects
  // run together and share them).
  maxWorkers: 2,
  // An ingest runner a test left started is stopped after its file (needed where files share a fork).
  setupFiles: ['test/stop-runners.ts'],
};

export default defineConfig({
  test: {
    // A throw-away PostgreSQL cluster for the second engine's tests (or CYBERPORTAL_TEST_DATABASE_URL), and
    // a migrated SQLite database that createTempStore copies; once per run, for both projects.
    globalSetup: ['test/postgres/global-setup.ts', 'test/sqlite-template-setup.ts'],
    projects: [
      {
        test: {
          ...common,
          name: 'shared',
          include: ALL,
          exclude: OWN_FORK,
          // Each worker runs its share of these files in one process and evaluates the server's module
          // graph once (re-evaluating it for each file was ~180 s of the suite); ARCHITECTURE decision 72.
          // Files must leave no state behind: stores and apps closed in their hooks, mocks and env restored.
          isolate: false,
          // An ingest runner's idle extraction worker is kept for the next runner of the fork instead of a
          // new one started (~3 s of CPU each, a few hundred a run): extract-client.ts; ARCHITECTURE decision 80.
          // Not in the own-fork project, whose files test the workers' own lifecycle and limits; =0 turns it off.
          env: {
            ...common.env,
            CYBERPORTAL_TEST_KEEP_EXTRACT_WORKERS: process.env.CYBERPORTAL_TEST_KEEP_EXTRACT_WORKERS ?? '1',
          },
        },
      },
      { test: { ...common, name: 'own-fork', include: OWN_FORK, isolate: true } },
    ],
  },
});
