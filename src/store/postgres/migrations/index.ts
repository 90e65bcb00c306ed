import type { Migration } from 'kysely';
import * as search from '../search/migration.ts';
import * as searchPerLanguage from '../search/migration-per-language.ts';
import * as searchWordPairs from '../search/migration-word-pairs.ts';
import * as initial from './2026113010-initial.ts';
import * as entityVersion from './2026113011-entity-version.ts';
import * as tocEntries from './2026113021-toc-entries.ts';
import * as oneRunningJob from './2026113022-one-running-job-per-file.ts';
import * as translations from './2026113029-translations.ts';
import * as importMappings from './2026113040-import-mappings.ts';
import * as accountAccess from './2026113050-account-access.ts';
import * as fileVersions from './2026113050-file-versions.ts';
import * as importFingerprints from './2026113050-import-fingerprints.ts';
import * as fileRoles from './2026113051-file-roles.ts';
import * as siteSettings from './2026113051-site-settings.ts';
import * as activityCodes from './2026113060-activity-codes.ts';
import * as fileReasonCodes from './2026113061-file-reason-codes.ts';
import * as searchChangeKeys from './2026113062-search-change-keys.ts';

/**
 * Every PostgreSQL migration, in order (Kysely runs them by name). Its own sequence, not SQLite's: the
 * engines reach the same tables by different steps. Never edited once shipped; a change is a new file added
 * here. Full-text search (src/store/postgres/search) adds its migrations to this list under names that sort
 * after the core's (`YYYYMMDDNN-search-…`).
 */
export const postgresMigrations: Record<string, Migration> = {
  '2026113010-initial': initial,
  '2026113011-entity-version': entityVersion,
  '2026113020-search-fts': search,
  '2026113021-toc-entries': tocEntries,
  '2026113022-one-running-job-per-file': oneRunningJob,
  '2026113029-translations': translations,
  // Kysely runs them in name order: per-language analysis, then the word pairs built over its vectors.
  '2026113030-search-per-language': searchPerLanguage,
  '2026113030-search-word-pairs': searchWordPairs,
  '2026113040-import-mappings': importMappings,
  '2026113050-account-access': accountAccess,
  '2026113050-file-versions': fileVersions,
  '2026113050-import-fingerprints': importFingerprints,
  '2026113051-file-roles': fileRoles,
  '2026113051-site-settings': siteSettings,
  '2026113060-activity-codes': activityCodes,
  '2026113061-file-reason-codes': fileReasonCodes,
  '2026113062-search-change-keys': searchChangeKeys,
};
