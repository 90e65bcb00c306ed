import type Database from 'better-sqlite3';
import type pg from 'pg';

/**
 * Copies the tables search reads (templates, thesauri, entities and their links, files, paragraphs) from
 * an SQLite collection into an empty PostgreSQL database of the same schema, row for row, so one data set
 * is searched by both engines (the search contract test, bench/search/postgres.ts). Batches of
 * `batch` rows through unnest, so 200,000 paragraphs are a few hundred statements.
 */
export async function copyFromSqlite(sqlite: Database.Database, pool: pg.Pool, { batch = 2000 } = {}) {
  // The columns as the SQLite schema has them: PostgreSQL mirrors it (decision 23), so the lists are not
  // written out again here.
  const tables: [string, string[]][] = [
    'templates',
    'thesauri',
    'entities',
    'entity_links',
    'files',
    'paragraphs',
  ].map((table) => [table, (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)]);
  const { rows: types } = await pool.query<{ table_name: string; column_name: string; type: string }>(
    `SELECT table_name, column_name, format_type(a.atttypid, a.atttypmod) AS type
     FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = c.table_name::regclass AND a.attname = c.column_name
     WHERE c.table_schema = 'public'`,
  );
  const typeOf = (table: string, column: string) =>
    types.find((t) => t.table_name === table && t.column_name === column)?.type ?? 'text';
  let copied = 0;
  for (const [table, columns] of tables) {
    // entity_links has no rowid (WITHOUT ROWID); every other table is copied in insertion order.
    const order = table === 'entity_links' ? '' : 'ORDER BY rowid';
    const rows = sqlite
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} ${order}`)
      .raw()
      .iterate() as IterableIterator<unknown[]>;
    let chunk: unknown[][] = [];
    const flush = async () => {
      if (!chunk.length) return;
      const arrays = columns.map((_, i) => chunk.map((r) => r[i]));
      await pool.query(
        `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')})
         SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${typeOf(table, c)}[]`).join(', ')})`,
        arrays,
      );
      copied += chunk.length;
      chunk = [];
    };
    for (const row of rows) {
      chunk.push(row);
      if (chunk.length >= batch) await flush();
    }
    await flush();
  }
  // Rows written later (a test adding a paragraph) must not collide with the copied keys.
  await pool.query(
    `SELECT setval(pg_get_serial_sequence('paragraphs', 'rowid'), coalesce((SELECT max(rowid) FROM paragraphs), 0) + 1, false)`,
  );
  return copied;
}
