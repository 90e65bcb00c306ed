import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/fixtures/pdf/make-docx.ts';
import { simplePdf } from '../../test/fixtures/pdf/raw-pdf.ts';
import type { TempStore } from '../../test/temp-store.ts';
import { startUploadApp, type UploadApp } from '../../test/upload-app.ts';
import { drainIngestQueue } from '../cli/context.ts';

let t: TempStore;
let app: FastifyInstance;
let fixture: UploadApp;

beforeAll(async () => {
  fixture = await startUploadApp();
  ({ t, app } = fixture);
});
afterAll(() => fixture.close());

const upload = (name: string, content: Buffer | string) =>
  fixture.upload<{ id: string; kind: string }>(name, content);
const fileOf = async (id: string) => (await app.inject({ url: `/api/v1/files/${id}` })).json();
const download = (id: string) => app.inject({ url: `/api/v1/files/${id}/download` });

describe('one file kind, from upload to download', () => {
  it('a PDF after leading white space is a PDF at upload, after ingestion and on download', async () => {
    const pdf = Buffer.concat([
      Buffer.from('\r\n  \n'),
      Buffer.from(simplePdf('Article one of the strategy.')),
    ]);
    const file = await upload('strategy.pdf', pdf);
    expect(file.kind).toBe('pdf');
    await drainIngestQueue(t.store, t.config);
    expect(await fileOf(file.id)).toMatchObject({ kind: 'pdf', status: 'ready' });
    expect((await download(file.id)).headers['content-type']).toBe('application/pdf');
  });

  it('stores the kind ingestion used, correcting a kind recorded before (rows from older versions)', async () => {
    const file = await upload('old.pdf', Buffer.from(simplePdf('An older upload.')));
    t.store.sqlite.sqlite.prepare(`UPDATE files SET kind = 'text' WHERE id = ?`).run(file.id);
    await drainIngestQueue(t.store, t.config);
    expect(await fileOf(file.id)).toMatchObject({ kind: 'pdf', status: 'ready' });
    const res = await download(file.id);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline/);
  });

  it('reads UTF-16 text with a BOM as text', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Première phrase.\n\nDeuxième.', 'utf16le'),
    ]);
    const file = await upload('note.txt', bytes);
    expect(file.kind).toBe('text');
    await drainIngestQueue(t.store, t.config);
    expect(await fileOf(file.id)).toMatchObject({ kind: 'text', status: 'ready' });
    const paragraphs = (await app.inject({ url: `/api/v1/files/${file.id}/paragraphs` })).json();
    expect(paragraphs.map((p: { text: string }) => p.text)).toEqual(['Première phrase.', 'Deuxième.']);
  });

  it('reads HTML through the parser in the ingest worker (entities decoded, attributes not leaked)', async () => {
    const html = '<!doctype html><title>x</title><h1>&Eacute;tat</h1><p title="a>b">&oslash; &rarr; fin</p>';
    const file = await upload('page.html', Buffer.from(html));
    expect(file.kind).toBe('html');
    await drainIngestQueue(t.store, t.config);
    expect(await fileOf(file.id)).toMatchObject({ kind: 'html', status: 'ready' });
    const paragraphs = (await app.inject({ url: `/api/v1/files/${file.id}/paragraphs` })).json();
    expect(paragraphs.map((p: { text: string; isHeading: boolean }) => [p.text, p.isHeading])).toEqual([
      ['État', true],
      ['ø → fin', false],
    ]);
  });

  it('refuses RTF with a clear reason', async () => {
    const file = await upload('memo.rtf', Buffer.from('{\\rtf1\\ansi Memo}'));
    expect(file.kind).toBe('unknown');
    await drainIngestQueue(t.store, t.config);
    const stored = await fileOf(file.id);
    expect(stored).toMatchObject({ kind: 'unknown', status: 'failed' });
    expect(stored.reason).toMatch(/RTF document.*convert it/);
  });

  it('serves a Word document as a Word download', async () => {
    const file = await upload('plan.docx', Buffer.from(makeDocx([{ text: 'Plan' }])));
    expect(file.kind).toBe('docx');
    const res = await download(file.id);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
  });
});
