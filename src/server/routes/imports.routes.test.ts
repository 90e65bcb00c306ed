import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs, multipartBody } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { CsvImportPreview, CsvImportStatus } from '../../domain/schemas/csv-import.ts';
import { IMPORT_CSV_JOB } from '../../domain/schemas/job.ts';
import { resumeCsvImports } from '../../operations/import-csv/csv-import-jobs.ts';
import { readImportFile } from '../../operations/import-csv/read-import-file.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { buildApp } from '../app.ts';
import { importStageDir } from './imports.routes.ts';

const FLAGS = { required: false, filterable: false, showInCard: false };
let t: TempStore;
let app: FastifyInstance;
let admin: Login;

beforeAll(async () => {
  t = await createTempStore();
  await saveThesaurus({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'status', label: 'Status', values: [{ id: 'in-force', label: 'In force' }] },
  });
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: {
      name: 'Document',
      label: 'Document',
      properties: [{ ...FLAGS, name: 'status', label: 'Status', type: 'select', thesaurus: 'status' }],
    },
  });
  app = await buildApp({ config: t.config, store: t.store });
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const send = async (content: Buffer, query: string) => {
  const { payload, headers } = multipartBody('import.zip', content);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/imports/csv?template=Document&${query}`,
    payload,
    headers: { ...headers, ...authHeaders(admin) },
  });
  return { status: res.statusCode, body: CsvImportPreview.parse(res.json()) };
};
const titles = async () =>
  (await t.store.entities.list({ limit: 100, offset: 0, sort: 'title', publishedOnly: false })).items.map(
    (e) => e.title,
  );

it('previews a ZIP with its problems, writes nothing until they are fixed, then imports it as a job', async () => {
  const zip = (csv: string) =>
    Buffer.from(zipSync({ 'import.csv': Buffer.from(csv), 'law.txt': Buffer.from('Article 1. The law.') }));
  const bad = await send(zip('title,Status,file\nCyber law,Repealed,law.txt\nCrime act,In force,\n'), '');
  expect(bad.status).toBe(200);
  expect(bad.body).toMatchObject({ started: false, rows: 2, valid: 1 });
  expect(bad.body.problems).toEqual([
    {
      row: 2,
      column: 'Status',
      message: '"Repealed" is not a value of Status (choose to add new values to add it)',
      code: 'csv.notAValueAdd',
      params: { cell: 'Repealed', property: 'status', label: 'Status' },
    },
  ]);
  expect(await titles()).toEqual([]);

  const dry = await send(
    zip('title,Status,file\nCyber law,Repealed,law.txt\nCrime act,In force,\n'),
    'addNewValues=true&dryRun=true',
  );
  expect(dry.body).toMatchObject({
    started: false,
    valid: 2,
    newValues: [{ thesaurus: 'status', label: 'Repealed' }],
  });
  expect(await titles()).toEqual([]);

  const started = await send(
    zip('title,Status,file\nCyber law,Repealed,law.txt\nCrime act,In force,\n'),
    'addNewValues=true',
  );
  expect(started.status).toBe(202);
  let status: CsvImportStatus | undefined;
  for (let i = 0; i < 200 && status?.status !== 'done'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${started.body.jobId}`,
      headers: authHeaders(admin),
    });
    status = CsvImportStatus.parse(res.json());
  }
  expect(status).toMatchObject({ status: 'done', rows: 2, created: 2, progress: 1, error: null });
  expect(await titles()).toEqual(['Crime act', 'Cyber law']);
});

it('takes up at start an import whose process died, after its last written row', async () => {
  const csv = `title,Status\n${Array.from({ length: 30 }, (_, i) => `Resumed ${i},In force`).join('\n')}\n`;
  const source = readImportFile(Buffer.from(csv));
  mkdirSync(importStageDir(t.dataDir), { recursive: true });
  writeFileSync(`${importStageDir(t.dataDir)}/${source.sha256}.import`, csv);
  // A process that has ended: its pid names no live process.
  const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
  const jobId = await t.store.jobs.enqueue(
    IMPORT_CSV_JOB,
    {
      sha256: source.sha256,
      template: 'Document',
      name: 'rows.csv',
      rows: 30,
      created: 10,
      lastRow: 11,
      valuesAdded: true,
      pending: [],
      owner: `${(await import('node:os')).hostname()}:${dead}`,
    },
    new Date().toISOString(),
  );
  expect(await resumeCsvImports({ store: t.store, stageDir: importStageDir(t.dataDir) })).toEqual([jobId]);
  for (let i = 0; i < 200 && (await t.store.jobs.findById(jobId))?.status !== 'done'; i++)
    await new Promise((r) => setTimeout(r, 50));
  const written = (await titles()).filter((x) => x.startsWith('Resumed'));
  // Rows 2–11 were "written by the dead process" (here: not at all), so only rows 12–31 are written now.
  expect(written).toHaveLength(20);
  expect(written).not.toContain('Resumed 9');
  expect(written).toContain('Resumed 10');
  // A second start finds nothing left to take up.
  expect(await resumeCsvImports({ store: t.store, stageDir: importStageDir(t.dataDir) })).toEqual([]);
});
