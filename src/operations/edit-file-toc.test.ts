import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../test/factories.ts';
import { filler, makePdf } from '../../test/fixtures/pdf/make-pdf.ts';
import { ingestFiles } from '../../test/ingest-files.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import { INGEST_FILE_JOB } from '../domain/schemas/job.ts';
import type { TocEntry } from '../domain/schemas/toc.ts';
import { buildApp } from '../server/app.ts';

/**
 * Editing a file's table of contents (issue 14 item 4): an editor renames, indents, outdents, deletes and adds
 * entries at paragraphs; the list is checked, stored with paragraph anchors and kept across re-extractions.
 */
let t: TempStore;
let app: FastifyInstance;
let fileId: string;
let editor: Login;
let collaborator: Login;

beforeAll(async () => {
  t = await createTempStore();
  const made = await makePdf({
    blocks: [
      { text: 'National cyber strategy', kind: 'title' },
      { text: filler(1, 3) },
      { text: 'Governance', kind: 'heading' },
      { text: filler(2, 12) },
      { text: 'Incident response', kind: 'heading' },
      { text: filler(3, 12) },
      { text: 'Reporting duties', kind: 'subheading' },
      { text: filler(4, 3) },
    ],
    blocksPerPage: 4,
  });
  const path = join(t.dataDir, 'strategy.pdf');
  writeFileSync(path, made.bytes);
  fileId = (await ingestFiles(t, [path]))[0]!.fileId!;
  app = await buildApp({ config: t.config, store: t.store });
  editor = await loginAs(app, 'editor');
  collaborator = await loginAs(app, 'collaborator');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const getToc = async (): Promise<TocEntry[]> =>
  (
    await app.inject({ method: 'GET', url: `/api/v1/files/${fileId}/toc`, headers: authHeaders(editor) })
  ).json();
const putToc = (entries: unknown[], who: Login = editor) =>
  app.inject({
    method: 'PUT',
    url: `/api/v1/files/${fileId}/toc`,
    headers: authHeaders(who),
    payload: { entries },
  });

describe('editing a table of contents', () => {
  it('renames, indents, deletes and adds an entry at a paragraph, and keeps it across a re-extraction', async () => {
    const before = await getToc();
    expect(before.map((e) => [e.level, e.label])).toEqual([
      [1, 'National cyber strategy'],
      [2, 'Governance'],
      [2, 'Incident response'],
      [3, 'Reporting duties'],
    ]);
    const paragraphs = await t.store.pages.listParagraphs(fileId);
    const target = paragraphs.find((p) => p.page === 2 && !p.isHeading)!;
    const [title, , incidents, reporting] = before as [TocEntry, TocEntry, TocEntry, TocEntry];
    // "Governance" deleted, the title renamed, an entry added at a paragraph (a selection in the viewer)
    // and indented under the title, "Reporting duties" outdented.
    const res = await putToc([
      { ...title, label: 'Strategy 2026' },
      { label: 'A key passage', level: 2, page: 1, paragraphId: target.id },
      incidents,
      { ...reporting, level: 2 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const want = [
      [1, 'Strategy 2026', title.page, title.paragraphId],
      [2, 'A key passage', 2, target.id],
      [2, 'Incident response', incidents.page, incidents.paragraphId],
      [2, 'Reporting duties', reporting.page, reporting.paragraphId],
    ];
    const shape = (toc: TocEntry[]) => toc.map((e) => [e.level, e.label, e.page, e.paragraphId]);
    expect(shape(res.json())).toEqual(want);
    expect(shape(await getToc())).toEqual(want);

    await t.store.jobs.enqueue(INGEST_FILE_JOB, { fileId }, new Date().toISOString());
    await drainIngestQueue(t.store, t.config);
    expect(shape(await getToc())).toEqual(want);
  });

  it('refuses a level out of 1-6, an empty title and a paragraph of another file, changing nothing', async () => {
    const before = await getToc();
    expect(await putToc(before)).toMatchObject({ statusCode: 200 }); // what GET gives, PUT takes back
    const deep = await putToc([{ label: 'A', level: 7, page: 1, paragraphId: null }]);
    expect(deep.statusCode).toBe(400);
    expect(deep.body).toMatch(/entries\.0\.level/);
    const foreign = await putToc([{ label: 'A', level: 1, page: 1, paragraphId: 'not-a-paragraph' }]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toMatch(/entries\.0\.paragraphId/);
    const empty = await putToc([{ label: '  ', level: 1, page: 1, paragraphId: null }]);
    expect(empty.statusCode).toBe(400);
    expect(await getToc()).toEqual(before);
  });

  it('is for editors: a collaborator is refused', async () => {
    const res = await putToc([], collaborator);
    expect(res.statusCode).toBe(403);
  });
});
