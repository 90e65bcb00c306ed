import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import { scannedPdf } from '../../../test/scanned-pdf.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import { INGEST_FILE_JOB } from '../../domain/schemas/job.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { buildApp } from '../app.ts';

/**
 * An admin re-runs OCR with another language: a Spanish scan whose document says English is first read in
 * the language detected from its words (Spanish), then, through the API, in the language the admin names;
 * the choice outlives a re-extraction.
 */
const SPANISH = `<h1>Estrategia nacional de ciberseguridad</h1>
<p>La protección de la información y de las infraestructuras críticas es una prioridad del Gobierno.
El equipo nacional de respuesta a incidentes coordinará la cooperación internacional.</p>`;

let t: TempStore;
let app: FastifyInstance;
let admin: Login;
let editor: Login;
let scan: string;
let text: string;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  admin = await loginAs(app, 'admin');
  editor = await loginAs(app, 'editor');
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'Doc', label: 'Doc', properties: [] },
  });
  const entity = await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template: 'Doc', title: 'Estrategia', language: 'en', published: true },
  });
  scan = (
    await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: entity.id,
      filename: 'estrategia.pdf',
      content: Buffer.from(await scannedPdf([SPANISH])),
    })
  ).id;
  const doc = await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template: 'Doc', title: 'Text' },
  });
  text = (
    await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: doc.id,
      filename: 'a.txt',
      content: Buffer.from('Plain text.'),
    })
  ).id;
  await drainIngestQueue(t.store, t.config);
}, 180_000);
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const ocr = (id: string, login: Login, language: string) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/files/${id}/ocr`,
    headers: authHeaders(login),
    payload: { language },
  });
const fullText = (id: string) =>
  t.store.pages.listParagraphs(id).then((ps) => ps.map((p) => p.text).join('\n'));

describe('POST /api/v1/files/:id/ocr', () => {
  it('reads a scan again in the language an admin names, and keeps that language on re-extraction', async () => {
    const first = await t.store.files.findById(scan);
    expect(first?.reason).toMatch(/language spa/);
    expect(await fullText(scan)).toMatch(
      /La protección de la información y de las infraestructuras críticas/,
    );
    const queued = await ocr(scan, admin, 'fr');
    expect(queued.statusCode).toBe(202);
    await drainIngestQueue(t.store, t.config);
    const file = await t.store.files.findById(scan);
    expect(file?.status).toBe('ready');
    expect(file?.reason).toMatch(/language fra/);
    expect(await fullText(scan)).toMatch(/infraestructuras/);
    await t.store.jobs.enqueue(INGEST_FILE_JOB, { fileId: scan }, new Date().toISOString());
    await drainIngestQueue(t.store, t.config);
    expect((await t.store.files.findById(scan))?.reason).toMatch(/language fra/);
  }, 120_000);

  it('refuses an unknown language, a file that is not a scan, and anyone but an admin', async () => {
    const bad = await ocr(scan, admin, 'klingon');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/eng \(en\), fra \(fr\)/);
    const notPdf = await ocr(text, admin, 'fra');
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.body).toMatch(/OCR reads PDFs/);
    expect((await ocr(scan, editor, 'fra')).statusCode).toBe(403);
  });
});
