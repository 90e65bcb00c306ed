import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The journeys that only read the shared portal (they may sign in, never write). They see the demo
 * collection as loaded, and no write can land under them.
 */
export const READER_NAMES = [
  'browse',
  'compare',
  'content-languages',
  'editing-screens',
  'languages',
  'map',
  'phone',
  'pseudo-language',
  'profile',
  'search',
];
export const READERS = READER_NAMES.map((name) => `e2e/${name}.e2e.ts`);

const E2E = fileURLToPath(new URL('..', import.meta.url));

/**
 * The journeys that write, largest file first: the order in which Vitest ran them one after another when
 * each was its own file to schedule (it runs files it has no timings for by size), kept so each still finds
 * what the same earlier writers left.
 */
export function writerFiles(): string[] {
  return readdirSync(E2E)
    .filter((name) => name.endsWith('.e2e.ts') && !READER_NAMES.includes(name.replace(/\.e2e\.ts$/, '')))
    .map((name) => ({ name, size: statSync(`${E2E}${name}`).size }))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name))
    .map(({ name }) => name);
}

/**
 * The whole suite (scripts/run-e2e.js) on portals of its own: the writers then run in turn on a portal of
 * their own, beside the readers (ARCHITECTURE decision 84). A single journey run by hand, or any run against
 * an existing portal (CYBERPORTAL_E2E_URL, where readers and writers share the one portal), keeps the two
 * phases: readers first, then the writers.
 */
export const SIDE_BY_SIDE = process.env.CYBERPORTAL_E2E_SUITE === '1' && !process.env.CYBERPORTAL_E2E_URL;
