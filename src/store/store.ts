import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { createFileStorage, type FileStorage } from './file-storage.ts';
import { createActivityRepository } from './repositories/activity.repository.ts';
import { createEntityRepository } from './repositories/entity.repository.ts';
import { createFileRepository } from './repositories/file.repository.ts';
import { createJobRepository } from './repositories/job.repository.ts';
import { createPageRepository } from './repositories/page.repository.ts';
import { createRelationTypeRepository } from './repositories/relation-type.repository.ts';
import { createSessionRepository } from './repositories/session.repository.ts';
import { createTemplateRepository } from './repositories/template.repository.ts';
import { createThesaurusRepository } from './repositories/thesaurus.repository.ts';
import { createTocRepository } from './repositories/toc.repository.ts';
import { createUserRepository } from './repositories/user.repository.ts';
import { createCollectionRepository } from './sqlite/collection.repository.ts';
import { findEntityIdsByMetadata } from './sqlite/entity-lookup.ts';
import { createFileTextRepository } from './sqlite/file-text.repository.ts';
import { countJobs, finishFileJobs, listQueuedFileJobs } from './sqlite/jobs-queue.ts';
import { openDatabase, type SqliteHandle } from './sqlite/open-database.ts';
import { createReferenceRepository } from './sqlite/reference.repository.ts';
import { createSearchIndexRepository } from './sqlite/search-index.repository.ts';
import type { Tables } from './tables.ts';

export type { StoredFile } from './repositories/file.repository.ts';
export type { UserRecord } from './repositories/user.repository.ts';
export { DUMPED_TABLES, type DumpedTable, RETIRED_TABLES } from './sqlite/collection-dump.ts';
export type { StoredAnchors } from './sqlite/reference.repository.ts';

/**
 * Every repository on one connection. `db` is the Kysely instance of that connection or of a transaction on
 * it; `sqlite` is the same connection for the repositories still on raw better-sqlite3 (references, the FTS
 * index, the dump): their statements join a Kysely transaction open on it (docs/ARCHITECTURE.md, decision 18).
 */
function repositories(db: Kysely<Tables>, sqlite: Database.Database) {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    templates: createTemplateRepository(db),
    thesauri: createThesaurusRepository(db),
    entities: {
      ...createEntityRepository(db),
      /** Ids of entities of a template whose metadata `key` equals `value`, case-insensitive (a State by iso3). */
      findIdsByMetadata: (q: { template: string; key: string; value: string }): string[] =>
        findEntityIdsByMetadata(sqlite, q),
    },
    files: createFileRepository(db),
    fileText: createFileTextRepository(sqlite),
    pages: createPageRepository(db),
    toc: createTocRepository(db),
    references: createReferenceRepository(sqlite),
    relationTypes: createRelationTypeRepository(db),
    jobs: {
      ...createJobRepository(db),
      /** Jobs per status (the CLI's `jobs`). */
      countByStatus: (): Record<string, number> => countJobs(sqlite),
      /** Marks the waiting `{fileId}` jobs of a kind done (work done outside the queue). */
      finishFileJobs: (kind: string, fileId: string): void => finishFileJobs(sqlite, kind, fileId),
      /** The files with a waiting job of a kind, oldest first. */
      queuedFileIds: (kind: string): string[] => listQueuedFileJobs(sqlite, kind),
    },
    activity: createActivityRepository(db),
    searchIndex: createSearchIndexRepository(sqlite),
    collection: createCollectionRepository(sqlite),
  };
}

/** Every repository of the store, bound to one connection or transaction. */
export type Repositories = ReturnType<typeof repositories>;

/**
 * The narrow seam between operations and persistence: repositories, a transaction, the originals on disk.
 * A PostgreSQL implementation provides the same shape.
 */
export type Store = Repositories & {
  /** Where uploaded originals are kept. */
  originals: FileStorage;
  /** The data directory this store lives in. */
  dataDir: string;
  /** Runs `fn` in one transaction: all its writes land, or none do. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Closes the database. */
  close(): Promise<void>;
  /** The SQLite handle, for the SQLite-specific parts of src/store and src/search (FTS, worker pool) only. */
  sqlite: SqliteHandle;
};

/** Opens the store in `dataDir`: creates the database if needed and runs pending migrations. */
export async function openStore(dataDir: string): Promise<Store> {
  const handle = await openDatabase(dataDir);
  const originals = createFileStorage(dataDir);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.db.destroy();
  };
  const store: Store = {
    ...repositories(handle.db, handle.sqlite),
    originals,
    dataDir,
    sqlite: handle,
    close,
    transaction: (fn) =>
      handle.db.transaction().execute((trx) => {
        const tx: Store = {
          ...repositories(trx, handle.sqlite),
          originals,
          dataDir,
          sqlite: handle,
          close,
          transaction: (inner) => inner(tx),
        };
        return fn(tx);
      }),
  };
  return store;
}
