import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile, link, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { create } from 'tar';
import { countTableRows, DUMPED_TABLES, iterateTableRows } from '../store/sqlite/collection-dump.ts';

/** Identifies an archive written by this portal, and the layout version an import expects. */
export const ARCHIVE_FORMAT = 'cyberportal-collection';
/** 2: entities carry `last_reviewed` (archives of version 1 import with it empty). */
export const ARCHIVE_VERSION = 2;

/** Progress of a long export or import: which step, how far. */
export type Progress = (p: { step: string; done: number; total: number }) => void;

/**
 * Writes the whole collection to a .tar.gz: `manifest.json`, one JSON-lines file per table (rows exactly as
 * stored, so ids, offsets and anchors survive) and every original file under `files/`.
 */
export async function exportCollection({
  sqlite,
  dataDir,
  out,
  onProgress,
}: {
  sqlite: Database.Database;
  dataDir: string;
  out: string;
  onProgress?: Progress;
}): Promise<{ counts: Record<string, number>; files: number }> {
  const stage = mkdtempSync(join(tmpdir(), 'cyberportal-export-'));
  try {
    // One read transaction, so the tables agree with each other even while the server keeps writing.
    const counts = countTableRows(sqlite);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    let done = 0;
    mkdirSync(join(stage, 'tables'));
    sqlite.exec('BEGIN');
    try {
      for (const table of DUMPED_TABLES) {
        const rows = iterateTableRows(sqlite, table);
        const stream = createWriteStream(join(stage, 'tables', `${table}.jsonl`));
        for (const row of rows) {
          if (!stream.write(`${JSON.stringify(row)}\n`)) await once(stream, 'drain');
          if (++done % 1000 === 0) onProgress?.({ step: 'rows', done, total });
        }
        stream.end();
        await once(stream, 'close');
      }
    } finally {
      sqlite.exec('COMMIT');
    }
    onProgress?.({ step: 'rows', done, total });
    const keys = sqlite.prepare('SELECT storage_key FROM files').pluck().all() as string[];
    let copied = 0;
    for (const key of keys) {
      const from = join(dataDir, 'files', key);
      if (!existsSync(from)) throw new Error(`Original file missing from the data directory: files/${key}`);
      const to = join(stage, 'files', key);
      mkdirSync(dirname(to), { recursive: true });
      // A hard link costs nothing; across file systems it fails and we copy.
      await link(from, to).catch(() => copyFile(from, to));
      onProgress?.({ step: 'files', done: ++copied, total: keys.length });
    }
    const manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: new Date().toISOString(),
      counts,
    };
    await writeFile(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2));
    mkdirSync(dirname(out), { recursive: true });
    const entries = ['manifest.json', 'tables', ...(keys.length ? ['files'] : [])];
    await create({ gzip: true, file: out, cwd: stage, portable: true }, entries);
    return { counts, files: keys.length };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
