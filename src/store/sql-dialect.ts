import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Tables } from './tables.ts';

/**
 * The few SQL fragments that differ between the engines, for the repositories both share
 * (docs/ARCHITECTURE.md, decision 21). Everything else in a shared repository is plain SQL that SQLite and
 * PostgreSQL read alike, so each table has one dialect: Kysely plus these fragments.
 */
export type SqlDialect = {
  readonly engine: 'sqlite' | 'postgres';
  /** The text at `key` of a JSON object stored as text (null when absent). */
  jsonText(column: string, key: string): RawBuilder<string | null>;
  /** The integer at `key` of a JSON object stored as text, as the expression indexes spell it. */
  jsonInt(column: string, key: string): RawBuilder<number | null>;
  /** A one-key JSON object as text, built in SQL from an expression. */
  jsonObject(key: string, value: RawBuilder<unknown>): RawBuilder<string>;
  /**
   * Ends the sub-select that picks a job to claim: PostgreSQL skips rows another server's claim has locked
   * (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time, so nothing is needed there.
   */
  readonly claimLock: RawBuilder<unknown>;
  /**
   * A statement that makes the rest of the transaction the only one repairing the queue (recovery reads,
   * then inserts what is missing). PostgreSQL: a transaction-scoped advisory lock, so each statement after it
   * sees what an earlier repair committed; SQLite: none, its write transactions begin IMMEDIATE already.
   */
  readonly queueRepairLock: RawBuilder<unknown> | null;
  /** Whether an error is a unique constraint's refusal. */
  isUniqueViolation(err: unknown): boolean;
  /**
   * After rows were inserted with their own integer keys (an import, `migrate-store`): PostgreSQL's identity
   * sequences are moved past them; SQLite picks max(rowid) + 1 by itself.
   */
  afterKeyedLoad(db: Kysely<Tables>): Promise<void>;
};

/** The integer keys the store generates, per table (SQLite rowids, PostgreSQL identity columns). */
const GENERATED_KEYS = [
  ['jobs', 'id'],
  ['activity_log', 'id'],
  ['paragraphs', 'rowid'],
] as const;

const keyPattern = /^[a-zA-Z0-9_]+$/;
const checked = (key: string) => {
  if (!keyPattern.test(key)) throw new Error(`Invalid JSON key ${key}`);
  return key;
};

export const sqliteDialect: SqlDialect = {
  engine: 'sqlite',
  jsonText: (column, key) => sql`json_extract(${sql.raw(column)}, ${sql.raw(`'$.${checked(key)}'`)})`,
  jsonInt: (column, key) => sql`json_extract(${sql.raw(column)}, ${sql.raw(`'$.${checked(key)}'`)})`,
  jsonObject: (key, value) => sql`json_object(${sql.raw(`'${checked(key)}'`)}, ${value})`,
  claimLock: sql``,
  queueRepairLock: null,
  isUniqueViolation: (err) =>
    (err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT_UNIQUE') ?? false,
  afterKeyedLoad: async () => {},
};

export const postgresDialect: SqlDialect = {
  engine: 'postgres',
  jsonText: (column, key) => sql`(${sql.raw(column)}::jsonb ->> ${sql.raw(`'${checked(key)}'`)})`,
  jsonInt: (column, key) => sql`((${sql.raw(column)}::jsonb ->> ${sql.raw(`'${checked(key)}'`)})::integer)`,
  // Spelled out rather than json_build_object, whose text has spaces (`{"fileId" : "x"}`): payloads are
  // compared as text (a waiting job is not queued twice), so they must read exactly as SQLite's json_object
  // and JSON.stringify write them.
  jsonObject: (key, value) => sql`(${sql.raw(`'{"${checked(key)}":'`)} || to_json(${value})::text || '}')`,
  claimLock: sql`FOR UPDATE SKIP LOCKED`,
  // Any fixed key will do, as long as nothing else in the database takes it: "cpjobs" in ASCII.
  queueRepairLock: sql`SELECT pg_advisory_xact_lock(${sql.lit(0x63706a6f6273)})`,
  isUniqueViolation: (err) => (err as { code?: string }).code === '23505',
  afterKeyedLoad: async (db) => {
    for (const [table, column] of GENERATED_KEYS)
      await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}),
        COALESCE((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(db);
  },
};
