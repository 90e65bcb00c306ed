import { type Kysely, sql } from 'kysely';
import { ANALYSIS_VERSION } from '../../../domain/text-analysis/index.ts';
import { createPostgresSearchIndexRepository } from './search-index.repository.ts';

/**
 * Rebuilds every vector and entity row when they were built with an older text analysis than this
 * code's (the search-per-language migration sets `search_state.analysis` to 0), so an old database is
 * searched with the analysis queries are compiled with. Run after migrating, before serving.
 */
export async function rebuildStaleAnalysis(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ value: string | number }>`SELECT value FROM search_state
    WHERE key = 'analysis'`.execute(db);
  if (Number(rows[0]?.value ?? -1) === ANALYSIS_VERSION) return;
  const started = Date.now();
  const { entities } = await createPostgresSearchIndexRepository(db).reindexAll();
  if (entities)
    console.warn(
      `search: rebuilt the index of ${entities} entities for text analysis version ${ANALYSIS_VERSION} in ${Date.now() - started} ms`,
    );
}
