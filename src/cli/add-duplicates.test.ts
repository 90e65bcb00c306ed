import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';

let t: TempStore;
afterEach(() => t?.cleanup());

const add = (...args: string[]) => {
  const run = spawnSync(
    process.execPath,
    ['bin/cyberportal.js', '--data', t.dataDir, 'add', '--template', 'Plain', '--json', ...args],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return { status: run.status, out: run.stdout, err: run.stderr };
};
const count = (table: string) =>
  (t.store.sqlite.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('cyberportal add with a file already in the collection', () => {
  it('says where it is and skips it, unless --allow-duplicates', async () => {
    t = await createTempStore();
    await saveTemplate({
      store: t.store,
      actor: OPERATOR,
      input: { name: 'Plain', label: 'Plain', properties: [] },
    });
    const a = join(t.dataDir, 'a.txt');
    const b = join(t.dataDir, 'b.txt');
    const c = join(t.dataDir, 'c.txt');
    writeFileSync(a, 'The national strategy.\n\nIts second paragraph.');
    writeFileSync(b, 'The national strategy.\n\nIts second paragraph.');
    writeFileSync(c, 'Another document.');

    const run = add(a, b, c);
    expect(run.status, run.err).toBe(0);
    const results = JSON.parse(run.out);
    expect(results.map((r: { status: string }) => r.status)).toEqual(['ready', 'duplicate', 'ready']);
    const [ra, rb] = results;
    expect(rb).toMatchObject({
      entityId: null,
      fileId: null,
      duplicateOf: { fileId: ra.fileId, entityId: ra.entityId, entityTitle: 'a', filename: 'a.txt' },
    });
    expect(rb.reason).toMatch(/already in the collection as "a.txt" of "a"/);
    expect(count('entities')).toBe(2); // no document without a file for the skipped copy
    expect(count('files')).toBe(2);

    const text = spawnSync(
      process.execPath,
      ['bin/cyberportal.js', '--data', t.dataDir, 'add', '--template', 'Plain', b],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(text.stdout).toMatch(/b\.txt: duplicate — already in the collection as "a.txt" of "a"/);

    const allowed = add('--allow-duplicates', b);
    expect(allowed.status, allowed.err).toBe(0);
    expect(JSON.parse(allowed.out)[0]).toMatchObject({ status: 'ready' });
    expect(count('files')).toBe(3);
  }, 180_000);
});
