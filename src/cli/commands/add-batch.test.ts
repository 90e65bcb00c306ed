import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-process.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';

let t: TempStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function setUp() {
  t = await createTempStore();
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'Note', label: 'Note', properties: [] },
  });
  const dir = join(t.dataDir, 'in');
  mkdirSync(dir);
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return { x: t, dir, file };
}

const count = (x: TempStore, sql: string) => x.store.sqlite.sqlite.prepare(sql).pluck().get() as number;

describe('cyberportal add with several files', () => {
  it('gives every file its row, skips an empty one without a stray document, and exits 1', async () => {
    const { x, dir, file } = await setUp();
    const ok = file('ok.txt', 'Norms of responsible State behaviour in cyberspace.');
    const zero = file('zero.txt', '');
    const good = file('good.txt', 'Capacity building and confidence-building measures.');
    const missing = join(dir, 'missing.txt');
    const r = await runCli(x.dataDir, ['add', ok, zero, good, missing, dir, '--template', 'Note', '--json'])
      .done;
    expect(r.code, r.stderr).toBe(1);
    const rows = JSON.parse(r.stdout);
    expect(rows).toMatchObject([
      { file: ok, status: 'ready' },
      { file: zero, status: 'failed', reason: expect.stringMatching(/empty/), entityId: null, fileId: null },
      { file: good, status: 'ready' },
      { file: missing, status: 'failed', reason: expect.stringMatching(/ENOENT|no such file/i) },
      { file: dir, status: 'failed', reason: expect.stringMatching(/not a regular file/) },
    ]);
    // Nothing half-made: every document has its file, no job is left waiting.
    expect(count(x, `SELECT count(*) FROM entities`)).toBe(2);
    expect(
      count(
        x,
        `SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.entity_id = e.id)`,
      ),
    ).toBe(0);
    expect(count(x, `SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')`)).toBe(0);
  }, 60_000);

  it('exits 0 when every file is ready, and 2 for a usage error before anything is written', async () => {
    const { x, file } = await setUp();
    const ok = file('ok.txt', 'Norms of responsible State behaviour in cyberspace.');
    const r = await runCli(x.dataDir, ['add', ok, '--template', 'Note', '--json']).done;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ status: 'ready' }]);

    const bad = await runCli(x.dataDir, ['add', ok, '--template', 'NoSuchTemplate', '--json']).done;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/NoSuchTemplate/);
    const unknownOption = await runCli(x.dataDir, ['add', ok, '--no-such-option']).done;
    expect(unknownOption.code).toBe(2);
    expect(count(x, `SELECT count(*) FROM entities`)).toBe(1);
  }, 60_000);
});
