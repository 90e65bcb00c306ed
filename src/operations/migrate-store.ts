import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { linkOrCopy, originalPath } from '../store/file-storage.ts';
import { DUMPED_TABLES, type DumpedTable, type Row, type Store } from '../store/store.ts';

/** What a migration moved, and what the check of the target found, table by table. */
export type MigrationReport = {
  tables: { table: DumpedTable; source: number; target: number; same: boolean }[];
  files: number;
  requeued: number;
};

/** A migration that could not start or whose check failed; nothing in the source was changed. */
export class MigrationError extends Error {}

/** A value as both engines give it back (a driver may return a 64-bit integer as a bigint). */
const canonical = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/**
 * An order-free fingerprint of a table: the sum (mod 2^64) of a hash of each row's columns in name order.
 * Equal sums with equal counts mean the same rows, whatever order each engine returns them in.
 */
async function fingerprint(rows: AsyncIterable<Row>): Promise<{ count: number; sum: bigint }> {
  let count = 0;
  let sum = 0n;
  for await (const row of rows) {
    const keys = Object.keys(row).sort();
    const text = JSON.stringify(keys.map((k) => [k, canonical(row[k])]));
    sum = (sum + createHash('sha256').update(text).digest().readBigUInt64BE(0)) & 0xffffffffffffffffn;
    count++;
  }
  return { count, sum };
}

/**
 * Moves a whole collection from one store into another, empty one (an embedded collection into PostgreSQL
 * for several app servers): every row of every dumped table in one target transaction, read from one
 * snapshot of the source; the search index rebuilt; unfinished files queued again; the originals copied
 * when the target keeps them in another directory. Then every table is checked row by row (counts and an
 * order-free fingerprint of the rows). Sessions and jobs are machine state and do not move: people sign in
 * again. The source is only read.
 */
export async function migrateStore({
  source,
  target,
  onProgress,
}: {
  source: Store;
  target: Store;
  onProgress?: (p: { step: 'rows' | 'files' | 'check'; done: number; total: number }) => void;
}): Promise<MigrationReport> {
  if (!(await target.collection.isEmpty()))
    throw new MigrationError('The target already holds a collection; migrate into an empty database.');
  const counts = await source.collection.countRows();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const { requeued } = await target.transaction((tx) =>
    source.collection.readSnapshot(async (rows) => {
      const loaded = await tx.collection.load(new Map(DUMPED_TABLES.map((t) => [t, rows(t)])), (done) =>
        onProgress?.({ step: 'rows', done, total }),
      );
      await tx.searchIndex.reindexAll();
      return loaded;
    }),
  );

  const keys = await source.collection.storageKeys();
  let files = 0;
  if (target.dataDir !== source.dataDir) {
    for (const key of keys) {
      const from = originalPath(source.dataDir, key);
      const to = originalPath(target.dataDir, key);
      if (!existsSync(from)) throw new MigrationError(`Original file missing from the source: files/${key}`);
      await linkOrCopy(from, to);
      files++;
      onProgress?.({ step: 'files', done: files, total: keys.length });
    }
  }

  const tables = await compareCollections(source, target, (done) =>
    onProgress?.({ step: 'check', done, total: DUMPED_TABLES.length }),
  );
  return { tables, files: target.dataDir !== source.dataDir ? files : keys.length, requeued };
}

/** Every dumped table of two stores, compared row by row: counts and an order-free fingerprint of the rows. */
export async function compareCollections(
  source: Store,
  target: Store,
  onTable?: (done: number) => void,
): Promise<MigrationReport['tables']> {
  const tables: MigrationReport['tables'] = [];
  await source.collection.readSnapshot((sourceRows) =>
    target.collection.readSnapshot(async (targetRows) => {
      for (const table of DUMPED_TABLES) {
        const a = await fingerprint(sourceRows(table));
        const b = await fingerprint(targetRows(table));
        tables.push({
          table,
          source: a.count,
          target: b.count,
          same: a.count === b.count && a.sum === b.sum,
        });
        onTable?.(tables.length);
      }
    }),
  );
  return tables;
}
