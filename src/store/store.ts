import type { Kysely } from 'kysely';
import { createFileStorage, type FileStorage } from './file-storage.ts';
import { createActivityRepository } from './repositories/activity.repository.ts';
import { createCollectionRepository } from './repositories/collection.repository.ts';
import { createEntityRepository } from './repositories/entity.repository.ts';
import { createFileRepository } from './repositories/file.repository.ts';
import { createFileTextRepository } from './repositories/file-text.repository.ts';
import { createImportMappingRepository } from './repositories/import-mapping.repository.ts';
import { createJobRepository } from './repositories/job.repository.ts';
import { createJobQueueRepository } from './repositories/job-queue.repository.ts';
import { createPageRepository } from './repositories/page.repository.ts';
import { createPasswordResetRepository } from './repositories/password-reset.repository.ts';
import { createReferenceRepository } from './repositories/reference.repository.ts';
import { createRelationTypeRepository } from './repositories/relation-type.repository.ts';
import { createSessionRepository } from './repositories/session.repository.ts';
import { createSiteSettingsRepository } from './repositories/site-settings.repository.ts';
import { createTemplateRepository } from './repositories/template.repository.ts';
import { createThesaurusRepository } from './repositories/thesaurus.repository.ts';
import { createTocRepository } from './repositories/toc.repository.ts';
import { createUserRepository } from './repositories/user.repository.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { sqliteDialect } from './sql-dialect.ts';
import { openDatabase, type SqliteHandle, sqliteSnapshot } from './sqlite/open-database.ts';
import { createSearchIndexRepository } from './sqlite/search-index.repository.ts';
import type { Tables } from './tables.ts';

export {
  DUMPED_TABLES,
  type DumpedTable,
  RETIRED_TABLES,
  type Row,
  type RowsOf,
} from './repositories/collection.repository.ts';
export type { StoredFile, StoredFileVersion } from './repositories/file.repository.ts';
export type { FileTextInput } from './repositories/file-text.repository.ts';
export type { ImportMapping, ImportTrace } from './repositories/import-mapping.repository.ts';
export type { Claim, ClaimedJob, Recovery } from './repositories/job-queue.repository.ts';
export type { StoredAnchors } from './repositories/reference.repository.ts';
export type { UserRecord } from './repositories/user.repository.ts';

/** The repositories both engines share: one Kysely code path each, on `db` (a connection or a transaction). */
export function sharedRepositories(db: Kysely<Tables>, dialect: SqlDialect) {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    templates: createTemplateRepository(db),
    thesauri: createThesaurusRepository(db),
    entities: createEntityRepository(db, dialect),
    files: createFileRepository(db),
    fileText: createFileTextRepository(db),
    pages: createPageRepository(db),
    toc: createTocRepository(db),
    references: createReferenceRepository(db, dialect),
    relationTypes: createRelationTypeRepository(db),
    jobs: { ...createJobRepository(db), ...createJobQueueRepository(db, dialect) },
    activity: createActivityRepository(db),
    importMappings: createImportMappingRepository(db),
    passwordResets: createPasswordResetRepository(db),
    siteSettings: createSiteSettingsRepository(db),
  };
}

/**
 * Every repository on one connection. `db` is the Kysely instance of that connection or of a transaction on
 * it; the engine's own part (the FTS5 index) runs raw statements on the same SQLite connection,
 * so they join a Kysely transaction open on it (docs/ARCHITECTURE.md, decision 18).
 */
function repositories(db: Kysely<Tables>, handle: SqliteHandle) {
  return {
    ...sharedRepositories(db, sqliteDialect),
    searchIndex: createSearchIndexRepository(handle.sqlite),
    collection: createCollectionRepository(db, sqliteDialect, sqliteSnapshot(handle.path)),
  };
}

/** Every repository of the store, bound to one connection or transaction. */
export type Repositories = ReturnType<typeof repositories>;

/**
 * Where a store lives, as plain data: what a worker process needs to open the same store for itself (the
 * extraction worker writes a file's text on its own connection).
 */
export type StoreLocator =
  | { engine: 'sqlite'; dataDir: string }
  | { engine: 'postgres'; url: string; dataDir: string };

/**
 * The narrow seam between operations and persistence: repositories, a transaction, the originals on disk.
 * The PostgreSQL implementation provides the same shape.
 */
export type Store = Repositories & {
  /** Where uploaded originals are kept. */
  originals: FileStorage;
  /** The data directory this store lives in (originals, and the SQLite database on that engine). */
  dataDir: string;
  /** How another process opens this store. */
  locator: StoreLocator;
  /** Runs `fn` in one transaction: all its writes land, or none do. Nested calls join the outer one. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Closes the database. */
  close(): Promise<void>;
};

/** A SQLite store with its handle, for the SQLite-specific parts of src/store and src/search only. */
export type SqliteStore = Store & { sqlite: SqliteHandle };

/** True for a store on the embedded engine (its search and dump use the connection itself). */
export const isSqliteStore = (store: Store): store is SqliteStore => store.locator.engine === 'sqlite';

/**
 * Opens the store in `dataDir`: creates the database if needed and runs pending migrations (not with
 * `migrate: false`, for worker processes of a store already open).
 */
export async function openStore(dataDir: string, { migrate = true } = {}): Promise<SqliteStore> {
  const handle = await openDatabase(dataDir, { migrate });
  return assembleStore<SqliteStore>({
    db: handle.db,
    dataDir,
    locator: { engine: 'sqlite', dataDir },
    bind: (conn) => ({ ...repositories(conn, handle), sqlite: handle }),
  });
}

/**
 * A store over an engine's Kysely root, the same for both engines: `bind` gives the engine's repositories
 * (and handles) on the root or on a transaction; `transaction` binds them to a new one, and calls inside it
 * join it; `close` destroys the root once.
 */
export function assembleStore<S extends Store>({
  db,
  dataDir,
  locator,
  bind,
}: {
  db: Kysely<Tables>;
  dataDir: string;
  locator: StoreLocator;
  bind: (conn: Kysely<Tables>) => Omit<S, 'originals' | 'dataDir' | 'locator' | 'transaction' | 'close'>;
}): S {
  const originals = createFileStorage(dataDir);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
  };
  const make = (conn: Kysely<Tables>, transaction: Store['transaction']) =>
    ({ ...bind(conn), originals, dataDir, locator, close, transaction }) as S;
  return make(db, (fn) =>
    db.transaction().execute((trx) => {
      const tx = make(trx, (inner) => inner(tx));
      return fn(tx);
    }),
  );
}

/** Opens the store a locator names (a worker process opening its parent's store). */
export async function openStoreAt(locator: StoreLocator, opts: { migrate?: boolean } = {}): Promise<Store> {
  if (locator.engine === 'sqlite') return openStore(locator.dataDir, opts);
  // Loaded on demand: a SQLite-only process never loads the PostgreSQL driver.
  const { openPostgresStore } = await import('./postgres/open-postgres-store.ts');
  return openPostgresStore(locator.url, { dataDir: locator.dataDir, ...opts });
}
