import type Database from 'better-sqlite3';
import { setFileFailed } from './file-text.ts';
import { indexEntity, indexLinkersOfDeleted, reindexAll, removeEntity } from './search/indexer.ts';

/**
 * The FTS5 index as operations keep it current: each method runs on the store's one connection, so called
 * on a transaction's store (`tx.searchIndex`) it joins that transaction and an entity is searchable exactly
 * when it exists. The search side (queries, the worker pool) is not here: it becomes a `SearchProvider` in a
 * later step of issue 13.
 */
export function createSearchIndexRepository(sqlite: Database.Database) {
  const readGeneration = sqlite.prepare(`SELECT value FROM search_state WHERE key = 'generation'`).pluck();
  return {
    /**
     * The collection's write generation: moves (by triggers, in the writer's transaction) on every write
     * that can change a search result, from any process on this database. One indexed row read: cheap
     * enough to ask before every cached answer.
     */
    generation(): number {
      return (readGeneration.get() as number | undefined) ?? 0;
    },
    /** (Re)indexes an entity after it was created or changed, and the entities linking to it if needed. */
    indexEntity(entityId: string): void {
      indexEntity({ sqlite, entityId });
    },
    /** Removes a deleted entity from the index. */
    removeEntity(entityId: string): void {
      removeEntity({ sqlite, entityId });
    },
    /** Reindexes the entities that linked to a deleted one (ids taken before the delete). */
    reindexLinkersOfDeleted(linkers: string[]): void {
      indexLinkersOfDeleted({ sqlite, linkers });
    },
    /**
     * First step of deleting an entity with files, in one transaction of its own: the entity leaves search
     * and its files are marked failed with `reason`, so a crash while their text is cleared leaves a
     * document to delete again, never half a text shown as ready.
     */
    withdrawEntityWithFiles(entityId: string, fileIds: string[], reason: string): void {
      sqlite.transaction(() => {
        removeEntity({ sqlite, entityId });
        for (const id of fileIds) setFileFailed(sqlite, id, reason);
      })();
    },
    /** Rebuilds the whole index in batches (after a re-extraction, an import). */
    reindexAll(opts: { onProgress?: (done: number, total: number) => void } = {}): { entities: number } {
      return reindexAll({ sqlite, ...opts });
    },
  };
}

export type SearchIndexRepository = ReturnType<typeof createSearchIndexRepository>;
