/**
 * Every journey that writes, one after another in one file: Vitest schedules files, not groups of them, and
 * this is how the writers keep one queue (they write into the same portal) while the readers run beside
 * them on theirs (e2e/vitest.e2e.config.ts, ARCHITECTURE decision 84). Each journey file is imported as
 * Vitest would run it: its describe, hooks and tests are collected in turn. A failure still names the
 * journey's own file and line.
 */
import { writerFiles } from './journeys.ts';

for (const name of writerFiles())
  await import(/* @vite-ignore */ new URL(`../${name}`, import.meta.url).href);
