import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';
import type { Tables } from '../tables.ts';

/**
 * Tables in an exported collection, parents before children so that an import never breaks a foreign key.
 * Sessions and jobs are machine state, not collection content, and are left out.
 */
export const DUMPED_TABLES = [
  'users',
  'templates',
  'thesauri',
  'relation_types',
  'entities',
  'entity_links',
  'files',
  'pages',
  'paragraphs',
  'toc_entries',
  'text_references',
  'activity_log',
  // Which record an import from another platform (Uwazi) made of each of its ids: a second import run on
  // an exported or migrated collection must still find them (decision 33).
  'import_mappings',
  // The site's name, footer and which templates are its profiles (decision 53): without them an imported
  // collection whose templates are named otherwise would show no map and no profiles.
  'site_settings',
] as const;
export type DumpedTable = (typeof DUMPED_TABLES)[number];

/**
 * Tables that older exports carry but the store no longer has (dropped by a migration). Their file is still
 * a valid archive entry; an import accepts it only when empty, since its rows would have nowhere to go.
 */
export const RETIRED_TABLES = ['relationships'] as const;

/** Rows as stored, column by column (JSON as text, booleans as 0/1): what an archive holds. */
export type Row = Record<string, unknown>;

/** The rows of each dumped table, streamed. */
export type RowsOf = (table: DumpedTable) => AsyncIterable<Row>;

/**
 * Runs `fn` on a connection that sees one consistent state of the database for its whole run, without
 * holding up the server's writers (SQLite: a separate read connection in WAL; PostgreSQL: a repeatable-read
 * transaction on its own pooled connection).
 */
export type OpenSnapshot = <T>(fn: (db: Kysely<Tables>) => Promise<T>) => Promise<T>;

/** Rows per INSERT: far below SQLite's 32,766 bound variables for the widest table. */
const INSERT_CHUNK = 200;

/**
 * The whole collection as rows, table by table: what export, import and `migrate-store` move. The same
 * Kysely code on both engines; each engine brings its snapshot connection.
 */
/**
 * Values for NOT NULL columns added after archives were first written, for rows of an older archive that
 * lack them (a multi-row INSERT cannot say DEFAULT on SQLite). Keep in step with the migrations.
 */
const ADDED_COLUMN_DEFAULTS: Partial<Record<DumpedTable, Record<string, unknown>>> = {
  entities: { version: 1, translations: '{}' }, // migrations 2026113020-entity-version, 2026113029-translations
  files: { role: 'document' }, // migration 2026113051-file-roles
};

export function createCollectionRepository(
  db: Kysely<Tables>,
  dialect: SqlDialect,
  openSnapshot: OpenSnapshot,
) {
  const count = async (on: Kysely<Tables>, table: DumpedTable) =>
    Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(on)).rows[0]?.n ?? 0,
    );
  const countAll = async (on: Kysely<Tables>) => {
    const counts = {} as Record<DumpedTable, number>;
    for (const t of DUMPED_TABLES) counts[t] = await count(on, t);
    return counts;
  };
  let columnCache: Map<string, string[]> | undefined;
  const columnsOf = async (table: DumpedTable) => {
    columnCache ??= new Map(
      (await db.introspection.getTables()).map((t) => [
        t.name,
        t.columns
          .map((c) => c.name)
          .filter((c) => !(dialect.derivedColumns[t.name as keyof Tables] ?? []).includes(c)),
      ]),
    );
    const columns = columnCache.get(table);
    if (!columns) throw new Error(`No table ${table} in the store`);
    return columns;
  };

  return {
    /** Rows per dumped table. */
    countRows: (): Promise<Record<DumpedTable, number>> => countAll(db),

    /** True when the collection holds no entities, templates or users (an import may go there). */
    async isEmpty(): Promise<boolean> {
      return (
        (await count(db, 'entities')) === 0 &&
        (await count(db, 'templates')) === 0 &&
        (await count(db, 'users')) === 0
      );
    },

    /**
     * Runs `fn` on one consistent snapshot: the tables it streams through `rows(table)` agree with each
     * other even while the server keeps writing.
     */
    readSnapshot<T>(fn: (rows: RowsOf, counts: () => Promise<Record<DumpedTable, number>>) => Promise<T>) {
      return openSnapshot(async (snap) => {
        const rows: RowsOf = async function* (table) {
          const columns = await columnsOf(table);
          yield* snap
            .selectFrom(table)
            .select(columns as never[])
            .stream(500) as AsyncIterable<Row>;
        };
        return fn(rows, () => countAll(snap));
      });
    },

    /** The storage keys of every file's original. */
    async storageKeys(): Promise<string[]> {
      return (await db.selectFrom('files').select('storage_key').execute()).map((r) => r.storage_key);
    },

    /**
     * Loads rows into an empty collection, table by table in DUMPED_TABLES order (parents first), and queues
     * a fresh ingest job for every file still waiting or cut off mid-way (jobs are not part of an archive).
     * A row with a column the table lacks is refused by name. In a transaction (the caller's), so any error
     * leaves nothing. Returns the rows per table and the files queued again.
     */
    async load(
      tables: Map<string, Iterable<Row> | AsyncIterable<Row>>,
      onRows?: (done: number) => void,
    ): Promise<{ counts: Record<string, number>; requeued: number }> {
      const counts: Record<string, number> = {};
      let done = 0;
      for (const table of DUMPED_TABLES) {
        const columns = await columnsOf(table);
        let chunk: Row[] = [];
        let n = 0;
        const flush = async () => {
          if (!chunk.length) return;
          await db
            .insertInto(table)
            .values(chunk as never[])
            .execute();
          n += chunk.length;
          done += chunk.length;
          chunk = [];
          onRows?.(done);
        };
        for await (const row of tables.get(table) ?? []) {
          const unknown = Object.keys(row).filter((k) => !columns.includes(k));
          if (unknown.length)
            throw new Error(`${table}: unknown column(s) ${unknown.join(', ')} in the archive`);
          const values: Row = {};
          for (const c of columns) values[c] = row[c] ?? ADDED_COLUMN_DEFAULTS[table]?.[c] ?? null;
          chunk.push(values);
          if (chunk.length >= INSERT_CHUNK) await flush();
        }
        await flush();
        counts[table] = n;
      }
      const now = new Date().toISOString();
      const requeued = await sql`
        INSERT INTO jobs (kind, payload, status, created_at, updated_at)
        SELECT 'ingest-file', ${dialect.jsonObject('fileId', sql`f.id`)}, 'queued', ${now}, ${now} FROM files f
        WHERE f.status IN ('queued', 'processing')`.execute(db);
      await db.updateTable('files').set({ status: 'queued' }).where('status', '=', 'processing').execute();
      // Rows came with their integer keys: the engine's key generators must start after them.
      await dialect.afterKeyedLoad(db);
      return { counts, requeued: Number(requeued.numAffectedRows ?? 0) };
    },
  };
}

/** The collection repository. */
export type CollectionRepository = ReturnType<typeof createCollectionRepository>;
