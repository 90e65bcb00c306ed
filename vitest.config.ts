import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    // New password hashes at scrypt N = 2^10 instead of 2^15 (~50 ms and 32 MiB each; passwords.ts honours
    // it only under Vitest, and login.test.ts checks the real cost): the suite hashes hundreds.
    env: { CYBERPORTAL_TEST_SCRYPT_N: String(2 ** 10) },
    hookTimeout: 60_000,
    // A throw-away PostgreSQL cluster for the second engine's tests (or CYBERPORTAL_TEST_DATABASE_URL), and
    // a migrated SQLite database that createTempStore copies.
    globalSetup: ['test/postgres/global-setup.ts', 'test/sqlite-template-setup.ts'],
    // Native SQLite and pdf.js work is CPU bound; two workers match the two cores we have.
    pool: 'forks',
    maxWorkers: 2,
    // Each worker runs its share of the files in one process and evaluates the server's module graph once
    // (re-evaluating it for each of ~155 files was ~180 s of the suite); ARCHITECTURE decision 68. Files
    // must leave no state behind: stores and apps are closed in their hooks, mocks and env restored, and an
    // ingest runner a test left started is stopped after its file (test/stop-runners.ts).
    isolate: false,
    setupFiles: ['test/stop-runners.ts'],
  },
});
