import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyPragmas } from '../../store/sqlite/open-database.ts';
import { clearFileText } from './write-file-text.ts';

const { dbPath, fileIds } = workerData as { dbPath: string; fileIds: string[] };
const sqlite = new Database(dbPath);
applyPragmas(sqlite);
try {
  // A pause between batches lets the server's own writes take the lock.
  for (const id of fileIds) await clearFileText(sqlite, id, () => new Promise((r) => setTimeout(r, 5)));
  parentPort?.postMessage({ done: true });
} catch (err) {
  parentPort?.postMessage({ error: (err as Error).message });
} finally {
  sqlite.close();
}
