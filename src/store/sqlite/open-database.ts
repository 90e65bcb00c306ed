import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type MigrationProvider,
  Migrator,
  SqliteDialect,
  type SqliteDriver,
  sql,
} from 'kysely';
import type { OpenSnapshot } from '../repositories/collection.repository.ts';
import type { Tables } from '../tables.ts';
import { migrations } from './migrations/index.ts';
import { registerAnalysisFunctions } from './search/analysis-functions.ts';
import { rebuildStaleAnalysis } from './search/indexer.ts';
import { rebuildStaleTopTerms } from './search/top-terms.ts';

/** An open SQLite database: the raw handle (hot paths, FTS) and the Kysely builder over it. */
export type SqliteHandle = { sqlite: Database.Database; db: Kysely<Tables>; path: string };

/** The database file inside a data directory. */
export const databasePath = (dataDir: string) => join(dataDir, 'cyberportal.sqlite');

/** Pragmas for the writer connection: WAL so readers (search workers) never block on writes. */
export function applyPragmas(sqlite: Database.Database, { readonly = false } = {}) {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -65536'); // 64 MB page cache (research/tech.md measurements)
  if (!readonly) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
}

/**
 * Every write transaction starts IMMEDIATE: it takes the write lock at BEGIN, waiting for it under
 * busy_timeout. A deferred one that reads first and writes later fails at once with SQLITE_BUSY when another
 * process (the extraction worker, a CLI command) wrote in between, and busy_timeout cannot help it.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver() as SqliteDriver;
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Opens (creating if needed) the database in `dataDir` and brings its schema up to date; `migrate: false`
 * for the worker processes of a store that is already open.
 */
export async function openDatabase(dataDir: string, { migrate = true } = {}): Promise<SqliteHandle> {
  // A directory made here is the owner's alone: the database holds password hashes (an existing one is left as is).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = databasePath(dataDir);
  const sqlite = new Database(path);
  applyPragmas(sqlite);
  registerAnalysisFunctions(sqlite);
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  if (!migrate) return { sqlite, db, path };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    await db.destroy();
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
  rebuildStaleAnalysis(sqlite);
  rebuildStaleTopTerms(sqlite);
  return { sqlite, db, path };
}

/**
 * A consistent read of the whole database on a connection of its own (read-only, one deferred read
 * transaction: WAL keeps its snapshot while the writer goes on), so an export neither waits for the
 * server's writes nor holds them up, and the server's writes never land inside it.
 */
export function sqliteSnapshot(path: string): OpenSnapshot {
  return async (fn) => {
    const sqlite = new Database(path, { readonly: true, fileMustExist: true });
    applyPragmas(sqlite, { readonly: true });
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      await sql`begin`.execute(db);
      try {
        return await fn(db);
      } finally {
        await sql`commit`.execute(db);
      }
    } finally {
      await db.destroy();
    }
  };
}
