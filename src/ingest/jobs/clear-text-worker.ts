import { parentPort, workerData } from 'node:worker_threads';
import { openStoreAt, type StoreLocator } from '../../store/store.ts';
import { clearFileText } from './write-file-text.ts';

const { locator, fileIds } = workerData as { locator: StoreLocator; fileIds: string[] };
const store = await openStoreAt(locator, { migrate: false });
try {
  // A pause between batches lets the server's own writes take the lock.
  for (const id of fileIds) await clearFileText(store, id, () => new Promise((r) => setTimeout(r, 5)));
  parentPort?.postMessage({ done: true });
} catch (err) {
  parentPort?.postMessage({ error: (err as Error).message });
} finally {
  await store.close();
}
