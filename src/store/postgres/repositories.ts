import { type Kysely, sql } from 'kysely';
import { createCollectionRepository, type OpenSnapshot } from '../repositories/collection.repository.ts';
import { postgresDialect } from '../sql-dialect.ts';
import { type Repositories, sharedRepositories } from '../store.ts';
import type { Tables } from '../tables.ts';
import { createPostgresSearchIndexRepository } from './search/search-index.repository.ts';

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
 * dialect, and the engine's own search index (kept in the writer's transaction like FTS5's). `root` is the store's pool, for the snapshots the collection dump reads from.
 */
export function postgresRepositories(db: Kysely<Tables>, root: Kysely<Tables> = db): Repositories {
  return {
    ...sharedRepositories(db, postgresDialect),
    searchIndex: createPostgresSearchIndexRepository(db as Kysely<unknown>),
    collection: createCollectionRepository(db, postgresDialect, postgresSnapshot(root)),
  };
}
