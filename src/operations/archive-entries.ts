import { list } from 'tar';
import { isStorageKey } from '../store/file-storage.ts';
import { DUMPED_TABLES, RETIRED_TABLES } from '../store/store.ts';

/** Tar entry types an export writes; links, devices and FIFOs never appear in one, so they are refused. */
const PLAIN_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
const TABLE_FILES = new Set([...DUMPED_TABLES, ...RETIRED_TABLES].map((t) => `tables/${t}.jsonl`));

/**
 * Why a tar entry cannot be part of a portal archive, or null when it can. Only the layout exportCollection
 * writes passes: `manifest.json`, `tables/<table>.jsonl`, `files/<storage key>` and their directories, as
 * plain files. Checked before anything is extracted, so a hostile archive writes nothing.
 */
export function archiveEntryProblem(path: string, type: string): string | null {
  const name = path.replace(/^\.\//, '');
  if (type === 'Directory') {
    const dir = name.replace(/\/$/, '');
    if (dir === 'tables' || dir === 'files' || /^files\/[0-9a-f]{2}$/.test(dir)) return null;
    return `archive entry "${path}" is a directory an export does not have`;
  }
  if (!PLAIN_TYPES.has(type))
    return `archive entry "${path}" is a ${type} (only plain files are allowed; links and devices are refused)`;
  if (name === 'manifest.json' || TABLE_FILES.has(name)) return null;
  if (name.startsWith('files/') && isStorageKey(name.slice('files/'.length))) return null;
  return `archive entry "${path}" is not part of a portal export (expected manifest.json, tables/<table>.jsonl or files/<storage key>)`;
}

/** Reads the archive's index without extracting it and returns every entry that must not be extracted. */
export async function listArchiveProblems(archive: string): Promise<string[]> {
  const problems: string[] = [];
  await list({
    file: archive,
    strict: true,
    onReadEntry: (entry) => {
      const problem = archiveEntryProblem(entry.path, entry.type);
      if (problem) problems.push(problem);
    },
  });
  return problems;
}

/**
 * Why the files rows' storage keys cannot be imported, or null. A key must be in the exact format the portal
 * generates (its first two characters are the file's sha256), and no two rows may share one: deleting either
 * file would remove the other's original.
 */
export function storageKeyProblem(rows: Record<string, unknown>[]): string | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = row.storage_key;
    const where = `files row ${JSON.stringify(row.id)}`;
    if (!isStorageKey(key)) return `${where} has an invalid storage key ${JSON.stringify(key)}`;
    if (typeof row.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(row.sha256))
      return `${where} has an invalid sha256`;
    if (key.slice(0, 2) !== row.sha256.slice(0, 2))
      return `${where} has a storage key "${key}" that does not match its sha256`;
    if (seen.has(key)) return `${where} reuses the storage key "${key}" of another file`;
    seen.add(key);
  }
  return null;
}
