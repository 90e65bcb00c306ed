import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/store.ts';

/**
 * Once per test run: a SQLite database with every migration run, in a directory named by
 * CYBERPORTAL_TEST_SQLITE_TEMPLATE (the workers are forked after this and inherit it). createTempStore copies
 * its file instead of running the ~60 migrations again for each of several hundred stores (0.1–0.6 s each
 * on the loaded 2-core machine); opening the copy still runs the migrator, which finds nothing pending.
 */
export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'cyberportal-template-'));
  const store = await openStore(dir);
  // Closing the last connection checkpoints the WAL into the file and removes it: the file alone is the database.
  await store.close();
  process.env.CYBERPORTAL_TEST_SQLITE_TEMPLATE = dir;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
