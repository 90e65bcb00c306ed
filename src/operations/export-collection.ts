import { once } from 'node:events';
import { closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import { linkOrCopy, originalPath } from '../store/file-storage.ts';
import { DUMPED_TABLES, type DumpedTable, type Store } from '../store/store.ts';

/** Identifies an archive written by this portal, and the layout version an import expects. */
export const ARCHIVE_FORMAT = 'cyberportal-collection';
/**
 * 2: entities carry `last_reviewed` (archives of version 1 import with it empty). 3: entities carry
 * `version` and activity entries `changes` (older archives import at version 1, without diffs). 4: the
 * site settings (`site_settings`; older archives import with the defaults).
 */
export const ARCHIVE_VERSION = 4;

/** Progress of a long export or import: which step, how far. */
export type Progress = (p: { step: string; done: number; total: number }) => void;

/** Tables holding accounts: password hashes and lockout state. Exported only when asked for. */
const ACCOUNT_TABLES: readonly DumpedTable[] = ['users'];
/** Columns pointing at an account, emptied when accounts stay out (as deleting the account would). */
const ACCOUNT_COLUMNS: Partial<Record<DumpedTable, string>> = {
  entities: 'created_by',
  text_references: 'created_by',
};

/**
 * Writes the whole collection to a .tar.gz: `manifest.json`, one JSON-lines file per table (rows exactly as
 * stored, so ids, offsets and anchors survive) and every original file under `files/`. Accounts (password
 * hashes) are left out unless `withAccounts`; sessions never go. The archive is readable by its owner only.
 */
export async function exportCollection({
  store,
  out,
  withAccounts = false,
  onProgress,
}: {
  store: Store;
  out: string;
  withAccounts?: boolean;
  onProgress?: Progress;
}): Promise<{ counts: Record<string, number>; files: number; accounts: boolean }> {
  const { dataDir } = store;
  const stage = mkdtempSync(join(tmpdir(), 'cyberportal-export-'));
  const tables = DUMPED_TABLES.filter((t) => withAccounts || !ACCOUNT_TABLES.includes(t));
  try {
    mkdirSync(join(stage, 'tables'));
    // One snapshot, so the tables (and their counts) agree with each other even while the server keeps writing.
    let counts: Partial<Record<DumpedTable, number>> = {};
    let done = 0;
    let total = 0;
    await store.collection.readSnapshot(async (rowsOf, countsOf) => {
      counts = await countsOf();
      if (!withAccounts) for (const t of ACCOUNT_TABLES) delete counts[t];
      total = Object.values(counts).reduce((a, b) => a + b, 0);
      for (const table of tables) {
        const rows = rowsOf(table);
        const accountColumn = withAccounts ? undefined : ACCOUNT_COLUMNS[table];
        const stream = createWriteStream(join(stage, 'tables', `${table}.jsonl`));
        for await (const row of rows) {
          if (accountColumn) row[accountColumn] = null;
          if (!stream.write(`${JSON.stringify(row)}\n`)) await once(stream, 'drain');
          if (++done % 1000 === 0) onProgress?.({ step: 'rows', done, total });
        }
        stream.end();
        await once(stream, 'close');
      }
    });
    onProgress?.({ step: 'rows', done, total });
    const keys = await store.collection.storageKeys();
    let copied = 0;
    for (const key of keys) {
      const from = originalPath(dataDir, key);
      if (!existsSync(from)) throw new Error(`Original file missing from the data directory: files/${key}`);
      const to = join(stage, 'files', key);
      await linkOrCopy(from, to);
      onProgress?.({ step: 'files', done: ++copied, total: keys.length });
    }
    const manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: new Date().toISOString(),
      accounts: withAccounts,
      counts,
    };
    await writeFile(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2));
    mkdirSync(dirname(out), { recursive: true });
    const entries = ['manifest.json', 'tables', ...(keys.length ? ['files'] : [])];
    // Written beside `out` under a new name created 0600 (never readable by others, not even for a moment),
    // then renamed over it: an old archive's looser mode does not carry over, and a failed export leaves
    // no half archive at `out`.
    const partial = `${out}.${process.pid}.part`;
    closeSync(openSync(partial, 'wx', 0o600));
    try {
      await create({ gzip: true, file: partial, cwd: stage, portable: true }, entries);
      await rename(partial, out);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return { counts, files: keys.length, accounts: withAccounts };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
