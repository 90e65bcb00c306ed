import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
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
        translations: {
          fr: { title: `Décret n° ${i} (fr)`, metadata: { summary: `Résumé ${i}` } },
          ...(i === 2 ? { ar: { title: `مرسوم رقم ${i}` } } : {}),
        },
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
      language: e.language,
      metadata: e.metadata,
      translations: e.translations,
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
  // With files: a ZIP in the import's own format (the round trip of its files: csv-round-trip.test.ts).
  const zipPath = join(from.dataDir, 'documents.zip');
  const zipped = await runCli(from.dataDir, [
    'export-csv',
    '--template',
    'Document',
    '--with-files',
    '--out',
    zipPath,
  ]).done;
  expect(zipped.code, zipped.stderr).toBe(0);
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  expect(Object.keys(entries)).toEqual(['import.csv']);
  expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(entries['import.csv']).split('\r\n')[0]).toBe(
    '\uFEFFTitle,Template,Published,Adopted,Summary,file,attachments,Id',
  );

  const imported = await runCli(to.dataDir, ['import-csv', out, '--template', 'Document']).done;
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);
  // The reader's language only: the values come back, the translations do not (that is --languages all).
  const strip = (docs: Awaited<ReturnType<typeof documents>>) => docs.map(({ translations: _, ...d }) => d);
  expect(strip(await documents(to.dataDir))).toEqual(strip(await documents(from.dataDir)));
}, 300_000);

it('with --languages all, exports each language in its columns and import-csv brings the translations back', async () => {
  const out = join(from.dataDir, 'all.csv');
  const exported = await runCli(from.dataDir, [
    'export-csv',
    '--template',
    'Document',
    '--languages',
    'all',
    '--out',
    out,
  ]).done;
  expect(exported.code, exported.stderr).toBe(0);
  const header = readFileSync(out, 'utf8').split('\r\n')[0]!;
  expect(header).toBe(
    '\uFEFFTitle,Template,Published,Adopted,Summary,Language,' +
      ['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => `Title__${l},Summary__${l}`).join(',') +
      ',Id',
  );
  const bad = await runCli(from.dataDir, ['export-csv', '--languages', 'some']).done;
  expect(bad.code).toBe(2);
  const imported = await runCli(to.dataDir, ['import-csv', out, '--template', 'Document']).done;
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);
  const after = await documents(to.dataDir);
  expect(after).toEqual(await documents(from.dataDir));
  expect(after[2]?.translations).toEqual({
    fr: { title: 'Décret n° 2 (fr)', metadata: { summary: 'Résumé 2' } },
    ar: { title: 'مرسوم رقم 2' },
  });
}, 300_000);
