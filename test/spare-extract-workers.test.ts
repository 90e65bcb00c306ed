import { afterEach, expect, it } from 'vitest';
import { childrenRunning } from './child-processes.ts';
import { documentsWithText, seedReferenceTypes } from './reference-fixtures.ts';
import { createTempStore, type TempStore } from './temp-store.ts';

/** This process's children running the extraction worker. */
const extractionWorkers = () => childrenRunning('extract-worker.mjs');

const stores: TempStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((t) => t.cleanup()));
});

// The shared project keeps a closed runner's idle extraction worker for the next one (vitest.config.ts,
// extract-client.ts; ARCHITECTURE decision 80): a second store's ingest must start no new worker, and still
// write into its own store.
it.runIf(process.platform === 'linux' && process.env.CYBERPORTAL_TEST_KEEP_EXTRACT_WORKERS === '1')(
  'hands an idle extraction worker to the next runner, which writes into its own store',
  async () => {
    const ingest = async (title: string, text: string) => {
      const t = await createTempStore();
      stores.push(t);
      await seedReferenceTypes(t.store);
      const [doc] = await documentsWithText(t.store, t.config, [{ title, text }]);
      return { t, doc };
    };
    const first = await ingest('First', 'The first store holds this paragraph.');
    const kept = extractionWorkers();
    expect(kept.length).toBeGreaterThan(0);
    await first.t.cleanup(); // its directory goes: the kept worker must not write there any more
    stores.splice(stores.indexOf(first.t), 1);
    const second = await ingest('Second', 'The second store holds another paragraph.');
    expect(second.doc.fullText).toContain('another paragraph');
    expect(await second.t.store.files.fullText(second.doc.file.id)).toContain('another paragraph');
    // No worker was started for the second store: every worker alive now was alive before it.
    expect(extractionWorkers().every((pid) => kept.includes(pid))).toBe(true);
  },
);
