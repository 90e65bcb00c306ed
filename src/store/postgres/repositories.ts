import { type Kysely, sql } from 'kysely';
import { createCollectionRepository, type OpenSnapshot } from '../repositories/collection.repository.ts';
import { postgresDialect } from '../sql-dialect.ts';
import { type Repositories, sharedRepositories } from '../store.ts';
import type { Tables } from '../tables.ts';

/**
 * A part of the store that is each engine's own and not written for PostgreSQL yet (the search index:
 * src/store/postgres/search). It throws when used, naming itself, instead of failing somewhere deeper.
 */
function notYetOnPostgres<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, method) {
      if (typeof method === 'symbol' || method === 'then') return undefined;
      return () => {
        throw new Error(`store.${name}.${method} is not available on PostgreSQL yet`);
      };
    },
  });
}

/**
 * A repeatable-read, read-only transaction on a connection of its own: the whole run sees one state of the
 * database while the servers go on writing (export, `migrate-store` from PostgreSQL).
 */
function postgresSnapshot(root: Kysely<Tables>): OpenSnapshot {
  return (fn) =>
    root.connection().execute(async (conn) => {
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(conn);
      try {
        return await fn(conn);
      } finally {
        await sql`COMMIT`.execute(conn);
      }
    });
}

/**
 * Every repository on one PostgreSQL connection or transaction (`db`): the shared ones, with PostgreSQL's
 * dialect. `root` is the store's pool, for the snapshots the collection dump reads from.
 */
export function postgresRepositories(db: Kysely<Tables>, root: Kysely<Tables> = db): Repositories {
  return {
    ...sharedRepositories(db, postgresDialect),
    searchIndex: notYetOnPostgres('searchIndex'),
    collection: createCollectionRepository(db, postgresDialect, postgresSnapshot(root)),
  };
}
