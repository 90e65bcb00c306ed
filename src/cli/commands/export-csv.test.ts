import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-process.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import type { TemplateInput } from '../../domain/schemas/template.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { openStore, type Store } from '../../store/store.ts';

const FLAGS = { required: false, filterable: false, showInCard: false };
const DOCUMENT: TemplateInput = {
  name: 'Document',
  label: 'Document',
  properties: [
    { ...FLAGS, name: 'adopted', label: 'Adopted', type: 'date' },
    { ...FLAGS, name: 'summary', label: 'Summary', type: 'text' },
  ],
};
let from: TempStore;
let to: TempStore;

beforeEach(async () => {
  [from, to] = await Promise.all([createTempStore(), createTempStore()]);
  for (const t of [from, to]) await saveTemplate({ store: t.store, actor: OPERATOR, input: DOCUMENT });
  for (let i = 0; i < 3; i++)
    await createEntity({
      store: from.store,
      actor: OPERATOR,
      input: {
        template: 'Document',
        title: `Décret n° ${i}, "cyber"`,
        metadata: { adopted: `202${i}`, summary: i === 1 ? 'Mentions the okapi.' : 'Nothing special.' },
      },
    });
  await Promise.all([from.store.close(), to.store.close()]);
});
afterEach(async () => {
  await Promise.all([from.cleanup(), to.cleanup()]);
});

const documents = async (dir: string) => {
  const store: Store = await openStore(dir);
  try {
    return (
      await store.entities.list({ limit: 10, offset: 0, sort: 'title', publishedOnly: false })
    ).items.map((e) => ({
      title: e.title,
      metadata: e.metadata,
    }));
  } finally {
    await store.close();
  }
};

it('exports every result as the readable CSV, which import-csv reads back into another portal', async () => {
  const out = join(from.dataDir, 'documents.csv');
  const exported = await runCli(from.dataDir, ['export-csv', '--template', 'Document', '--out', out]).done;
  expect(exported.code, exported.stderr).toBe(0);
  const csv = readFileSync(out, 'utf8');
  expect(csv.startsWith('\uFEFFTitle,Template,Published,Adopted,Summary,Id\r\n')).toBe(true);
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
  // The Search page's query string, words included: the best passage's column appears, one row matches.
  const words = await runCli(from.dataDir, ['export-csv', '--query', 'q=okapi&template=Document']).done;
  expect(words.stdout.split('\r\n')[0]).toContain('Best passage');
  expect(words.stdout.split('\r\n').filter(Boolean)).toHaveLength(2);

  const imported = await runCli(to.dataDir, ['import-csv', out, '--template', 'Document']).done;
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);
  expect(await documents(to.dataDir)).toEqual(await documents(from.dataDir));
}, 120_000);
