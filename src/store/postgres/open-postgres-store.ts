import { mkdirSync } from 'node:fs';
import { Kysely, type MigrationProvider, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { assembleStore, type Store } from '../store.ts';
import type { Tables } from '../tables.ts';
import { postgresMigrations } from './migrations/index.ts';
import { postgresRepositories } from './repositories.ts';
import { rebuildStaleAnalysis } from './search/rebuild-stale.ts';

/**
 * Options of a PostgreSQL store: where the originals live (a directory every app server mounts); `migrate:
 * false` for a worker process opening a store its parent opened (and migrated) already.
 */
export type PostgresStoreOptions = { dataDir: string; maxConnections?: number; migrate?: boolean };

/** A store on PostgreSQL, with the pool for the engine's own parts (its search provider). */
export type PostgresStore = Store & { postgres: { db: Kysely<Tables>; pool: pg.Pool } };

/** True for a store on PostgreSQL (its search provider runs on the store's own connections). */
export const isPostgresStore = (store: Store): store is PostgresStore => store.locator.engine === 'postgres';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Numbers come back as numbers, as from SQLite: node-postgres returns bigint (COUNT(*), the bigint columns)
 * and numeric as strings, since they can exceed 2^53. Ours are counts, ids, byte offsets and epoch ms, far
 * below it; a value that is not exact fails loudly rather than being rounded. Per pool, not pg.types, so
 * other users of pg in the process are not changed.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary' && (oid === INT8 || oid === NUMERIC))
      return (value: string) => {
        const n = Number(value);
        if (oid === INT8 && !Number.isSafeInteger(n)) throw new Error(`Integer ${value} is beyond 2^53`);
        return n;
      };
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Brings a PostgreSQL database's schema up to date (Kysely's migrator holds an advisory lock meanwhile). */
export async function migratePostgres(db: Kysely<Tables>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => postgresMigrations };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}

/** A Kysely instance over a new pool on `url` (no migrations). */
export function connectPostgres(url: string, { maxConnections = 10 } = {}) {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', () => {});
  // The cursor lets `.stream()` read a large table in slices (the collection dump) instead of all at once.
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return { db, pool };
}

/**
 * Opens the store on the PostgreSQL database at `url` (postgres://user:password@host:port/database): runs
 * pending migrations, keeps uploaded originals under `dataDir` as the embedded store does. The same `Store`
 * shape as `openStore`; several app servers may open the same database at once.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions): Promise<PostgresStore> {
  const { dataDir, migrate = true } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { db, pool } = connectPostgres(url, { maxConnections: options.maxConnections });
  try {
    await sql`SELECT 1`.execute(db).catch((err: Error) => {
      throw new Error(`Cannot reach the PostgreSQL database ${withoutPassword(url)}: ${err.message}`);
    });
    if (migrate) {
      await migratePostgres(db);
      await rebuildStaleAnalysis(db as Kysely<unknown>);
    }
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return assembleStore<PostgresStore>({
    db,
    dataDir,
    locator: { engine: 'postgres', url, dataDir },
    bind: (conn) => ({ ...postgresRepositories(conn, db), postgres: { db: conn, pool } }),
  });
}

/** The URL as it may be shown in a message or log: the password replaced. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unreadable URL)';
  }
}
