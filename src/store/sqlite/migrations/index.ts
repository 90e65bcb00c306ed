import type { Migration } from 'kysely';
import * as initial from './2026112301-initial.ts';
import * as searchIndex from './2026112302-search-index.ts';

/**
 * Every migration, in order. Migrations are never edited once shipped; a change is a new file added here.
 * A static list (not a folder scan) so that bundling or a renamed file can never skip one silently.
 */
export const migrations: Record<string, Migration> = {
  '2026112301-initial': initial,
  '2026112302-search-index': searchIndex,
};
