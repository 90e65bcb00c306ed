import type Database from 'better-sqlite3';
import { ANALYSIS_VERSION } from '../../../domain/text-analysis/index.ts';
import {
  allEntityIds,
  buildEntityDoc,
  bumpVersion,
  deleteEntityDoc,
  entityOfFile,
  indexedTitle,
  linkingEntities,
  optimizeIndexes,
  resetIndexes,
  thesaurusLabels,
  writeEntityDoc,
} from './entity-index.ts';
import { rebuildTopTerms } from './top-terms.ts';

type Db = { sqlite: Database.Database };

/**
 * (Re)indexes one entity: title, metadata text, facets and the full text of its files. Call it after
 * creating or updating an entity (same transaction or right after). A renamed, published or unpublished
 * entity also reindexes the entities that link to it: the title of a published target is part of their
 * searchable relationship text, an unpublished one's is not.
 */
export function indexEntity({ sqlite, entityId }: Db & { entityId: string }): void {
  sqlite.transaction(() => {
    const labels = thesaurusLabels(sqlite);
    const before = indexedTitle(sqlite, entityId);
    const doc = buildEntityDoc(sqlite, entityId, labels);
    if (!doc) return deleteEntityDoc(sqlite, entityId);
    writeEntityDoc(sqlite, doc);
    if (before !== undefined && (before.title !== doc.title || before.published !== doc.published))
      reindex(sqlite, linkingEntities(sqlite, entityId), labels);
  })();
}

function reindex(sqlite: Database.Database, ids: string[], labels = thesaurusLabels(sqlite)) {
  for (const id of ids) {
    const doc = buildEntityDoc(sqlite, id, labels);
    if (doc) writeEntityDoc(sqlite, doc);
  }
}

/**
 * Reindexes the entities that linked to a deleted one (their ids, taken before the delete removed its
 * links): its title leaves their searchable relationship text.
 */
export function indexLinkersOfDeleted({ sqlite, linkers }: Db & { linkers: string[] }): void {
  sqlite.transaction(() => reindex(sqlite, [...new Set(linkers)]))();
}

/**
 * Brings the index up to date after a file's paragraphs were written (the ingest `onFileWritten` hook,
 * inside its transaction). Paragraph rows are indexed by triggers already; this refreshes the owning
 * entity's full text. Returns false when the file does not exist.
 */
export function indexFile({ sqlite, fileId }: Db & { fileId: string }): boolean {
  const entityId = entityOfFile(sqlite, fileId);
  if (!entityId) return false;
  sqlite.transaction(() => {
    const doc = buildEntityDoc(sqlite, entityId, thesaurusLabels(sqlite));
    // Only the body changed: no facet or sort key moved, so worker caches stay valid.
    if (doc) writeEntityDoc(sqlite, doc, { metaChanged: false });
  })();
  return true;
}

/** Removes an entity from the index (its paragraphs leave with them through triggers). */
export function removeEntity({ sqlite, entityId }: Db & { entityId: string }): void {
  sqlite.transaction(() => deleteEntityDoc(sqlite, entityId))();
}

/**
 * Rebuilds both indexes from the tables (after a tokenizer change, an import or a restore). Works in
 * transactions of `batch` entities so readers keep going; `onProgress(done, total)` after each batch.
 */
export function reindexAll({
  sqlite,
  onProgress,
  batch = 200,
}: Db & { onProgress?: (done: number, total: number) => void; batch?: number }): { entities: number } {
  const ids = allEntityIds(sqlite);
  sqlite.transaction(() => resetIndexes(sqlite))();
  const labels = thesaurusLabels(sqlite);
  for (let i = 0; i < ids.length; i += batch) {
    sqlite.transaction(() => {
      for (const id of ids.slice(i, i + batch)) {
        const doc = buildEntityDoc(sqlite, id, labels);
        if (doc) writeEntityDoc(sqlite, doc, { metaChanged: false });
      }
    })();
    onProgress?.(Math.min(i + batch, ids.length), ids.length);
  }
  sqlite.transaction(() => {
    optimizeIndexes(sqlite);
    bumpVersion(sqlite);
    sqlite
      .prepare(
        `INSERT INTO search_state (key, value) VALUES ('analysis', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(ANALYSIS_VERSION);
  })();
  // After optimize: the lists are FTS5's own ranking of the final index.
  sqlite.transaction(() => rebuildTopTerms(sqlite))();
  if (!ids.length) onProgress?.(0, 0);
  return { entities: ids.length };
}

/**
 * Rebuilds the indexes when they were built with an older text analysis than this code's (a migration
 * that changes the analysis sets `search_state.analysis` to 0), so an old database is searched with the
 * analysis its queries are compiled with. Runs at open, before anything is served.
 */
export function rebuildStaleAnalysis(sqlite: Database.Database): void {
  const built = sqlite.prepare(`SELECT value FROM search_state WHERE key = 'analysis'`).pluck().get() as
    | number
    | undefined;
  if (built === ANALYSIS_VERSION) return;
  const started = Date.now();
  const { entities } = reindexAll({ sqlite });
  if (entities)
    console.warn(
      `search: rebuilt the index of ${entities} entities for text analysis version ${ANALYSIS_VERSION} in ${Date.now() - started} ms`,
    );
}
