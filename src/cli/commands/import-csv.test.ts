import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli, waitFor } from '../../../test/cli-process.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { openStore } from '../../store/store.ts';

let t: TempStore;
const ROWS = 1000;

beforeEach(async () => {
  t = await createTempStore();
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: {
      name: 'Document',
      label: 'Document',
      properties: [
        {
          name: 'pages',
          label: 'Pages',
          type: 'number',
          required: false,
          filterable: false,
          showInCard: false,
        },
      ],
    },
  });
  await t.store.close();
});
afterEach(() => t.cleanup());

const count = async () => {
  const store = await openStore(t.dataDir);
  try {
    return (await store.entities.list({ limit: 1, offset: 0, sort: 'title', publishedOnly: false })).total;
  } finally {
    await store.close();
  }
};

it('writes nothing and exits 1 on problems; a run killed halfway is resumed by the same command, no row twice', async () => {
  const bad = join(t.dataDir, 'bad.csv');
  writeFileSync(bad, 'title,Pages\nA,one\nB,2\n');
  const refused = await runCli(t.dataDir, ['import-csv', bad, '--template', 'Document']).done;
  expect(refused.code, refused.stderr).toBe(1);
  expect(refused.stdout).toContain('row 2, Pages: "one" is not a number');
  expect(await count()).toBe(0);
  const usage = await runCli(t.dataDir, ['import-csv', bad, '--template', 'Nope']).done;
  expect(usage.code).toBe(2);

  const file = join(t.dataDir, 'rows.csv');
  writeFileSync(file, `title,Pages\n${Array.from({ length: ROWS }, (_, i) => `Row ${i},${i}`).join('\n')}\n`);
  const first = runCli(t.dataDir, ['import-csv', file, '--template', 'Document']);
  let stderr = '';
  first.child.stderr?.on('data', (d) => {
    stderr += d;
  });
  await waitFor(() => /imported (\d+)\//.test(stderr), 'the first batches', 60_000);
  first.child.kill('SIGKILL');
  await first.done;
  const written = await count();
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(ROWS);
  const second = await runCli(t.dataDir, ['import-csv', file, '--template', 'Document', '--json']).done;
  expect(second.code, second.stderr).toBe(0);
  const report = JSON.parse(second.stdout);
  expect(report.resumedAfterRow).toBe(written + 1);
  expect(report.created).toBe(ROWS - written);
  expect(await count()).toBe(ROWS);
}, 120_000);
