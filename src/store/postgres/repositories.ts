import type { Kysely } from 'kysely';
import { postgresDialect } from '../sql-dialect.ts';
import { type Repositories, sharedRepositories } from '../store.ts';
import type { Tables } from '../tables.ts';

/**
 * A part of the store that is each engine's own and not written for PostgreSQL yet (the search index:
 * src/store/postgres/search; the collection dump: migrate-store). It throws when used, naming itself,
 * instead of failing somewhere deeper.
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

/** Every repository on one PostgreSQL connection or transaction: the shared ones, with PostgreSQL's dialect. */
export function postgresRepositories(db: Kysely<Tables>): Repositories {
  return {
    ...sharedRepositories(db, postgresDialect),
    searchIndex: notYetOnPostgres('searchIndex'),
    collection: notYetOnPostgres('collection'),
  };
}
