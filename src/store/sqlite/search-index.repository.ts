import type Database from 'better-sqlite3';
import { indexEntity, indexFile, indexLinkersOfDeleted, reindexAll, removeEntity } from './search/indexer.ts';

/**
 * The FTS5 index as operations keep it current: each method runs on the store's one connection, so called
 * on a transaction's store (`tx.searchIndex`) it joins that transaction and an entity is searchable exactly
 * when it exists. The methods are async because another engine's index answers over the network.
 */
export function createSearchIndexRepository(sqlite: Database.Database) {
  const readGeneration = sqlite.prepare(`SELECT value FROM search_state WHERE key = 'generation'`).pluck();
  return {
    /**
     * The collection's write generation: moves (by triggers, in the writer's transaction) on every write
     * that can change a search result, from any process on this database. One indexed row read: cheap
     * enough to ask before every cached answer.
     */
    async generation(): Promise<number> {
      return (readGeneration.get() as number | undefined) ?? 0;
    },
    /** (Re)indexes an entity after it was created or changed, and the entities linking to it if needed. */
    async indexEntity(entityId: string): Promise<void> {
      indexEntity({ sqlite, entityId });
    },
    /** (Re)indexes the entity of a file whose text was just written (in the transaction that makes it ready). */
    async indexFile(fileId: string): Promise<void> {
      indexFile({ sqlite, fileId });
    },
    /** Removes a deleted entity from the index. */
    async removeEntity(entityId: string): Promise<void> {
      removeEntity({ sqlite, entityId });
    },
    /** Reindexes the entities that linked to a deleted one (ids taken before the delete). */
    async reindexLinkersOfDeleted(linkers: string[]): Promise<void> {
      indexLinkersOfDeleted({ sqlite, linkers });
    },
    /** Rebuilds the whole index in batches (after a re-extraction, an import). */
    async reindexAll(
      opts: { onProgress?: (done: number, total: number) => void } = {},
    ): Promise<{ entities: number }> {
      return reindexAll({ sqlite, ...opts });
    },
  };
}

export type SearchIndexRepository = ReturnType<typeof createSearchIndexRepository>;
