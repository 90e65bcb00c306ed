import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native SQLite and pdf.js work is CPU bound; two workers match the two cores we have.
    pool: 'forks',
    maxWorkers: 2,
  },
});
