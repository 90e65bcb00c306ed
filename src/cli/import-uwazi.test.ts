import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-process.ts';
import type { ImportReport } from '../operations/import-uwazi/report.ts';
import { openStore } from '../store/store.ts';

const fixture = [
  process.env.CYBERPORTAL_UWAZI_FIXTURE,
  resolve('../shared/corpus/uwazi-fixture'),
  resolve('../../shared/corpus/uwazi-fixture'),
].find((d): d is string => Boolean(d && existsSync(d)));

describe.skipIf(!fixture)('cyberportal import-uwazi', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cp-cli-uwazi-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('prints the dry run report as JSON, exit 0, and writes nothing', async () => {
    const { code, stdout } = await runCli(dataDir, ['import-uwazi', `${fixture}/dump`, '--dry-run', '--json'])
      .done;
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportReport;
    expect(report).toMatchObject({ dryRun: true, defaultLanguage: 'en', languages: ['en', 'es', 'ar'] });
    expect(report.kinds.entities).toMatchObject({ read: 297, imported: 297 });
    const store = await openStore(dataDir);
    try {
      expect(await store.templates.list()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('is a usage error (exit 2) for a folder that does not exist', async () => {
    const { code, stderr } = await runCli(dataDir, [
      'import-uwazi',
      `${fixture}/dump`,
      '--files',
      '/no/such/dir',
    ]).done;
    expect(code).toBe(2);
    expect(stderr).toMatch(/No folder \/no\/such\/dir/);
  }, 180_000);
});
