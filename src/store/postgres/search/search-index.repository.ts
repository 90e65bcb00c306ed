import type { Kysely } from 'kysely';
import { indexEntity, indexFile, indexLinkersOfDeleted, reindexAll, removeEntity } from './entity-index.ts';
import { kyselyRunner, rowsOf, type SqlRunner } from './sql-runner.ts';

/**
 * The PostgreSQL index as operations keep it current, the same methods as the SQLite engine's
 * (src/store/sqlite/search-index.repository.ts), async. Built on the store's connection or transaction
 * (`tx.searchIndex`), each call joins it, so an entity is searchable exactly when its write commits, on
 * whichever server made it. Paragraph vectors and the write generation need no call: triggers keep them.
 */
export function createPostgresSearchIndexRepository(db: Kysely<unknown>) {
  const run: SqlRunner = kyselyRunner(db);
  // Work that wants a transaction of its own joins the caller's when it is called on a transaction's store
  // (an import or migrate-store loads rows and rebuilds the index in one transaction).
  const inTransaction = <T>(work: (tx: SqlRunner) => Promise<T>) =>
    db.isTransaction ? work(run) : db.transaction().execute((trx) => work(kyselyRunner(trx)));
  return {
    /** The collection's write generation (moved by triggers in every writer's transaction). */
    async generation(): Promise<number> {
      const [row] = await rowsOf<{ value: number | string }>(
        run,
        `SELECT value FROM search_state WHERE key = 'generation'`,
      );
      return Number(row?.value ?? 0);
    },
    /** (Re)indexes an entity after it was created or changed, and the entities linking to it if needed. */
    indexEntity: (entityId: string) => indexEntity(run, entityId),
    /** Refreshes an entity's full text after a file's paragraphs were written (nothing for an unknown file). */
    async indexFile(fileId: string): Promise<void> {
      await indexFile(run, fileId);
    },
    /** Removes a deleted entity from the index (idempotent). */
    removeEntity: (entityId: string) => removeEntity(run, entityId),
    /** Reindexes the entities that linked to a deleted one (ids taken before the delete). */
    reindexLinkersOfDeleted: (linkers: string[]) => indexLinkersOfDeleted(run, linkers),
    /** Rebuilds the whole entity index, 200 entities per transaction, so readers keep going. */
    reindexAll(opts: { onProgress?: (done: number, total: number) => void } = {}) {
      return reindexAll(run, {
        ...opts,
        inTransaction,
      });
    },
  };
}

export type PostgresSearchIndexRepository = ReturnType<typeof createPostgresSearchIndexRepository>;
