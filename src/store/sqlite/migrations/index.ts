import type { Migration } from 'kysely';
import * as initial from './2026112301-initial.ts';
import * as searchIndex from './2026112302-search-index.ts';
import * as searchWords from './2026112303-search-words.ts';
import * as referenceSpans from './2026112304-reference-spans.ts';
import * as suggestionVocab from './2026112305-suggestion-vocab.ts';
import * as filesSha256 from './2026112901-files-sha256.ts';
import * as lastReviewed from './2026112901-last-reviewed.ts';
import * as jobClaims from './2026112906-job-claims.ts';
import * as searchGeneration from './2026113001-search-generation.ts';
import * as dropRelationships from './2026113002-drop-relationships.ts';
import * as entityVersion from './2026113020-entity-version.ts';
import * as tocEntries from './2026113021-toc-entries.ts';
import * as searchTopTerms from './2026113025-search-top-terms.ts';
import * as searchChanges from './2026113026-search-changes.ts';
import * as translations from './2026113029-translations.ts';
import * as searchPerLanguage from './2026113030-search-per-language.ts';
import * as importMappings from './2026113040-import-mappings.ts';
import * as searchTopForms from './2026113045-search-top-forms.ts';
import * as accountAccess from './2026113050-account-access.ts';
import * as fileVersions from './2026113050-file-versions.ts';
import * as importFingerprints from './2026113050-import-fingerprints.ts';
import * as fileRoles from './2026113051-file-roles.ts';
import * as siteSettings from './2026113051-site-settings.ts';
import * as activityCodes from './2026113060-activity-codes.ts';
import * as fileReasonCodes from './2026113061-file-reason-codes.ts';
import * as searchChangeKeys from './2026113062-search-change-keys.ts';
import * as searchTopHolders from './2026113063-search-top-holders.ts';

/**
 * Every migration, in order. Migrations are never edited once shipped; a change is a new file added here.
 * A static list (not a folder scan) so that bundling or a renamed file can never skip one silently.
 */
export const migrations: Record<string, Migration> = {
  '2026112301-initial': initial,
  '2026112302-search-index': searchIndex,
  '2026112303-search-words': searchWords,
  '2026112304-reference-spans': referenceSpans,
  '2026112305-suggestion-vocab': suggestionVocab,
  '2026112901-files-sha256': filesSha256,
  '2026112901-last-reviewed': lastReviewed,
  '2026112906-job-claims': jobClaims,
  '2026113001-search-generation': searchGeneration,
  '2026113002-drop-relationships': dropRelationships,
  '2026113020-entity-version': entityVersion,
  '2026113021-toc-entries': tocEntries,
  '2026113025-search-top-terms': searchTopTerms,
  '2026113026-search-changes': searchChanges,
  '2026113029-translations': translations,
  '2026113030-search-per-language': searchPerLanguage,
  '2026113040-import-mappings': importMappings,
  '2026113045-search-top-forms': searchTopForms,
  '2026113050-account-access': accountAccess,
  '2026113050-file-versions': fileVersions,
  '2026113050-import-fingerprints': importFingerprints,
  '2026113051-file-roles': fileRoles,
  '2026113051-site-settings': siteSettings,
  '2026113060-activity-codes': activityCodes,
  '2026113061-file-reason-codes': fileReasonCodes,
  '2026113062-search-change-keys': searchChangeKeys,
  '2026113063-search-top-holders': searchTopHolders,
};
