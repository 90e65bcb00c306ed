import type Database from 'better-sqlite3';

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
  'text_references',
  'activity_log',
] as const;
export type DumpedTable = (typeof DUMPED_TABLES)[number];

/**
 * Tables that older exports carry but the store no longer has (dropped by a migration). Their file is still
 * a valid archive entry; an import accepts it only when empty, since its rows would have nowhere to go.
 */
export const RETIRED_TABLES = ['relationships'] as const;

/** Streams every row of a table, in primary-key order, as plain objects (columns as stored). */
export function iterateTableRows(
  sqlite: Database.Database,
  table: DumpedTable,
): Iterable<Record<string, unknown>> {
  // Prepared eagerly so a bad table fails here, not at the first iteration. No ORDER BY: SQLite scans in key
  // order (rowid, or the primary key of a WITHOUT ROWID table).
  return sqlite.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>;
}

/** Counts rows per dumped table, to print and to check a round trip. */
export function countTableRows(sqlite: Database.Database): Record<DumpedTable, number> {
  const counts = {} as Record<DumpedTable, number>;
  for (const t of DUMPED_TABLES) {
    counts[t] = (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return counts;
}

/** True when the collection holds no entities, templates or users (an import may go there). */
export function isCollectionEmpty(sqlite: Database.Database): boolean {
  const c = countTableRows(sqlite);
  return c.entities === 0 && c.templates === 0 && c.users === 0;
}

/** Inserts rows into one table; the caller wraps a whole import in one transaction. */
export function insertTableRows(
  sqlite: Database.Database,
  table: DumpedTable,
  rows: Iterable<Record<string, unknown>>,
): number {
  const info = sqlite.prepare(`PRAGMA table_info(${table})`).all() as {
    name: string;
    notnull: number;
    dflt_value: string | null;
  }[];
  const columns = info.map((c) => c.name);
  const list = columns.map((c) => `"${c}"`).join(', ');
  // A column added since the archive was written (entities.version) takes its default, not NULL.
  const value = (c: (typeof info)[number]) =>
    c.notnull && c.dflt_value !== null ? `COALESCE(@${c.name}, ${c.dflt_value})` : `@${c.name}`;
  const stmt = sqlite.prepare(`INSERT INTO ${table} (${list}) VALUES (${info.map(value).join(', ')})`);
  let n = 0;
  for (const row of rows) {
    const unknown = Object.keys(row).filter((k) => !columns.includes(k));
    if (unknown.length) throw new Error(`${table}: unknown column(s) ${unknown.join(', ')} in the archive`);
    const params: Record<string, unknown> = {};
    for (const c of columns) params[c] = row[c] ?? null;
    stmt.run(params);
    n++;
  }
  return n;
}

/** Runs `fn` in one write transaction; any error rolls everything back, so a failed import leaves nothing. */
export function inTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.transaction(fn).immediate();
}

/** Files still waiting or cut off mid-way get a fresh ingest job (jobs are not part of an archive). */
export function requeueUnfinishedFiles(sqlite: Database.Database, now: string): number {
  const r = sqlite
    .prepare(
      `INSERT INTO jobs (kind, payload, status, created_at, updated_at)
       SELECT 'ingest-file', json_object('fileId', id), 'queued', @now, @now FROM files
       WHERE status IN ('queued', 'processing')`,
    )
    .run({ now });
  sqlite.prepare(`UPDATE files SET status = 'queued' WHERE status = 'processing'`).run();
  return r.changes;
}
