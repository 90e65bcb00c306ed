import type { Kysely } from 'kysely';
import { createFileStorage, type FileStorage } from './file-storage.ts';
import { createActivityRepository } from './sqlite/activity.repository.ts';
import { createEntityRepository } from './sqlite/entity.repository.ts';
import { createFileRepository } from './sqlite/file.repository.ts';
import { createJobRepository } from './sqlite/job.repository.ts';
import { openDatabase, type SqliteHandle } from './sqlite/open-database.ts';
import { createPageRepository } from './sqlite/page.repository.ts';
import { createRelationTypeRepository } from './sqlite/relation-type.repository.ts';
import { createSessionRepository } from './sqlite/session.repository.ts';
import type { Tables } from './sqlite/tables.ts';
import { createTemplateRepository } from './sqlite/template.repository.ts';
import { createThesaurusRepository } from './sqlite/thesaurus.repository.ts';
import { createUserRepository } from './sqlite/user.repository.ts';

export type { StoredFile } from './sqlite/file.repository.ts';
export type { UserRecord } from './sqlite/user.repository.ts';

function repositories(db: Kysely<Tables>) {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    templates: createTemplateRepository(db),
    thesauri: createThesaurusRepository(db),
    entities: createEntityRepository(db),
    files: createFileRepository(db),
    pages: createPageRepository(db),
    relationTypes: createRelationTypeRepository(db),
    jobs: createJobRepository(db),
    activity: createActivityRepository(db),
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
    ...repositories(handle.db),
    originals,
    dataDir,
    sqlite: handle,
    close,
    transaction: (fn) =>
      handle.db.transaction().execute((trx) => {
        const tx: Store = {
          ...repositories(trx),
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
