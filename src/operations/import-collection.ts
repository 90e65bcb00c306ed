import {
  createReadStream,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { extract } from 'tar';
import { originalPath } from '../store/file-storage.ts';
import { DUMPED_TABLES, RETIRED_TABLES, type Store } from '../store/store.ts';
import { listArchiveProblems, storageKeyProblem } from './archive-entries.ts';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type Progress } from './export-collection.ts';

/** Raised for an archive this portal cannot read, or a target that is not empty. */
export class ImportError extends Error {}

async function readJsonLines(path: string): Promise<Record<string, unknown>[]> {
  if (!existsSync(path)) return [];
  const rows: Record<string, unknown>[] = [];
  let line = 0;
  for await (const text of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line++;
    if (!text.trim()) continue;
    try {
      rows.push(JSON.parse(text));
    } catch {
      throw new ImportError(`${path.split('/').slice(-2).join('/')}, line ${line}: not valid JSON`);
    }
  }
  return rows;
}

/**
 * Loads an archive written by exportCollection into an empty collection. All rows go in one transaction and
 * files are copied before it commits, so a bad archive leaves the collection exactly as it was.
 */
export async function importCollection({
  store,
  archive,
  onProgress,
}: {
  store: Store;
  archive: string;
  onProgress?: Progress;
}): Promise<{ counts: Record<string, number>; files: number; requeued: number }> {
  if (!existsSync(archive)) throw new ImportError(`No such archive: ${archive}`);
  const { dataDir } = store;
  if (!(await store.collection.isEmpty()))
    throw new ImportError(
      'The collection is not empty. Import into a new data directory (--data DIR), so nothing here is overwritten.',
    );
  const stage = mkdtempSync(join(tmpdir(), 'cyberportal-import-'));
  try {
    let problems: string[];
    try {
      problems = await listArchiveProblems(archive);
      if (!problems.length) await extract({ file: archive, cwd: stage, strict: true });
    } catch (err) {
      throw new ImportError(`Cannot read ${archive} as a .tar.gz archive: ${(err as Error).message}`);
    }
    if (problems.length)
      throw new ImportError(
        `Refused: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}. Nothing was imported.`,
      );
    const manifestPath = join(stage, 'manifest.json');
    if (!existsSync(manifestPath))
      throw new ImportError('The archive has no manifest.json: not a portal export.');
    let manifest: { format?: unknown; version?: unknown };
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    } catch {
      throw new ImportError("The archive's manifest.json is not valid JSON: not a portal export.");
    }
    if (manifest.format !== ARCHIVE_FORMAT)
      throw new ImportError('The archive is not a Cyber Policy Portal export.');
    if (typeof manifest.version !== 'number' || manifest.version > ARCHIVE_VERSION)
      throw new ImportError(
        `The archive has format version ${manifest.version}; this portal reads up to ${ARCHIVE_VERSION}.`,
      );

    const tables = new Map<string, Record<string, unknown>[]>();
    for (const t of DUMPED_TABLES) tables.set(t, await readJsonLines(join(stage, 'tables', `${t}.jsonl`)));
    for (const t of RETIRED_TABLES)
      if ((await readJsonLines(join(stage, 'tables', `${t}.jsonl`))).length)
        throw new ImportError(
          `Refused: the archive has rows for the table "${t}", which this portal no longer has. Nothing was imported.`,
        );
    const fileRows = tables.get('files') ?? [];
    const keyProblem = storageKeyProblem(fileRows);
    if (keyProblem) throw new ImportError(`Refused: ${keyProblem}. Nothing was imported.`);
    const keys = fileRows.map((f) => String(f.storage_key));
    // Entries were checked to be plain files before extraction; lstat again so nothing followed is a link.
    const missing = keys.filter(
      (k) => !lstatSync(join(stage, 'files', k), { throwIfNoEntry: false })?.isFile(),
    );
    if (missing.length)
      throw new ImportError(`The archive lacks ${missing.length} original file(s), e.g. files/${missing[0]}`);

    let copied = 0;
    for (const key of keys) {
      const to = originalPath(dataDir, key);
      mkdirSync(dirname(to), { recursive: true });
      await copyFile(join(stage, 'files', key), to);
      onProgress?.({ step: 'files', done: ++copied, total: keys.length });
    }
    const total = [...tables.values()].reduce((a, r) => a + r.length, 0);
    // One transaction: the rows, the unfinished files queued again and the search index (derived data, not
    // part of an archive) rebuilt.
    const { counts, requeued } = await store.transaction(async (tx) => {
      const loaded = await tx.collection.load(tables, (done) => onProgress?.({ step: 'rows', done, total }));
      await tx.searchIndex.reindexAll();
      return loaded;
    });
    return { counts, files: keys.length, requeued };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
