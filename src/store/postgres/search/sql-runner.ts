import { CompiledQuery, type Kysely } from 'kysely';

/**
 * What the PostgreSQL search code needs of a connection: one parameterised statement at a time. A `pg`
 * Pool or PoolClient is one already; a Kysely instance or transaction becomes one through `kyselyRunner`,
 * so index maintenance joins the caller's transaction (`tx.searchIndex`), as in the SQLite engine.
 */
export type SqlRunner = {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
};

export function kyselyRunner(db: Kysely<unknown>): SqlRunner {
  return {
    async query<R>(text: string, params: unknown[] = []) {
      const result = await db.executeQuery<R>(CompiledQuery.raw(text, params));
      return { rows: result.rows as R[] };
    },
  };
}

/** Rows of a statement. */
export const rowsOf = async <R>(db: SqlRunner, text: string, params: unknown[] = []) =>
  (await db.query<R>(text, params)).rows;

/** JSON columns may arrive parsed (jsonb) or as text (a text column): both read the same. */
export const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** A boolean column that may be a boolean or a 0/1 integer (the SQLite engine's shape). */
export const flag = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';
