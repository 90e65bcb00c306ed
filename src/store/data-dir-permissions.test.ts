import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore } from './store.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// The database holds password hashes and the originals may be unpublished: a data directory the portal
// creates is its owner's alone (an existing one keeps the mode its operator gave it).
it('creates a new data directory readable by its owner only', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'cyberportal-perm-'));
  made.push(parent);
  const dataDir = join(parent, 'nested', 'data');
  const store = await openStore(dataDir);
  await store.close();
  expect(statSync(dataDir).mode & 0o777).toBe(0o700);
});
