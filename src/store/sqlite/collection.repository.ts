import type Database from 'better-sqlite3';
import {
  countTableRows,
  DUMPED_TABLES,
  type DumpedTable,
  insertTableRows,
  inTransaction,
  isCollectionEmpty,
  iterateTableRows,
  requeueUnfinishedFiles,
} from './collection-dump.ts';
import { reindexAll } from './search/indexer.ts';

/** The whole collection as rows, table by table: what export and import move (see collection-dump.ts). */
export function createCollectionRepository(sqlite: Database.Database) {
  return {
    /** Rows per dumped table. */
    countRows: (): Record<DumpedTable, number> => countTableRows(sqlite),
    /** True when the collection holds no entities, templates or users (an import may go there). */
    isEmpty: (): boolean => isCollectionEmpty(sqlite),
    /**
     * Runs `fn` in one read transaction, so the tables it reads through `rows(table)` agree with each
     * other even while the server keeps writing.
     */
    async readSnapshot<T>(
      fn: (rows: (table: DumpedTable) => Iterable<Record<string, unknown>>) => Promise<T>,
    ): Promise<T> {
      sqlite.exec('BEGIN');
      try {
        return await fn((table) => iterateTableRows(sqlite, table));
      } finally {
        sqlite.exec('COMMIT');
      }
    },
    /** The storage keys of every file's original. */
    storageKeys: (): string[] => sqlite.prepare('SELECT storage_key FROM files').pluck().all() as string[],
    /**
     * Loads an archive's rows into an empty collection in one write transaction: the rows, a fresh ingest
     * job for every unfinished file, and the search index rebuilt (derived data, not part of an archive).
     * Any error rolls everything back. Returns the rows per table and the files queued again.
     */
    load(
      tables: Map<string, Record<string, unknown>[]>,
      onRows?: (done: number) => void,
    ): { counts: Record<string, number>; requeued: number } {
      const counts: Record<string, number> = {};
      const requeued = inTransaction(sqlite, () => {
        let done = 0;
        for (const t of DUMPED_TABLES) {
          counts[t] = insertTableRows(sqlite, t, tables.get(t) ?? []);
          done += counts[t];
          onRows?.(done);
        }
        const requeued = requeueUnfinishedFiles(sqlite, new Date().toISOString());
        reindexAll({ sqlite });
        return requeued;
      });
      return { counts, requeued };
    },
  };
}
