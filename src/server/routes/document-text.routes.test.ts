import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntity, type Login, loginAs } from '../../../test/factories.ts';
import {
  documentsWithText,
  seedReferenceTypes,
  type TextDocument,
} from '../../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { drainIngestQueue } from '../../cli/context.ts';
import type { Paragraph } from '../../domain/schemas/file.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { uploadFile } from '../../operations/upload-file.ts';
import { buildApp } from '../app.ts';

const TITLE = 'Strategy <script>alert("title")</script> & Co';
const TEXT = [
  '# Chapter <One> & "Two"',
  `Opening <script>alert('x')</script> & <b>bold</b> claims.`,
  ...Array.from(
    { length: 11 },
    (_, i) =>
      `Paragraph ${i + 1}. ${'States cooperate to keep cyberspace open, secure and peaceful. '.repeat(11)}`,
  ),
].join('\n\n');

let t: TempStore;
let app: FastifyInstance;
let editor: Login;
let published: TextDocument;
let restricted: TextDocument;
let paragraphs: Paragraph[];

beforeAll(async () => {
  t = await createTempStore();
  // A web root with an index.html: the SPA fallback must not swallow the text view.
  const webRoot = join(t.dataDir, 'web');
  await mkdir(webRoot);
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>SPA</title>');
  app = await buildApp({ config: t.config, store: t.store, webRoot });
  await seedReferenceTypes(t.store);
  [published, restricted] = await documentsWithText(t.store, t.config, [
    { title: TITLE, text: TEXT, published: true },
    { title: 'Draft', text: 'A draft nobody outside may read.' },
  ]);
  editor = await loginAs(app, 'editor');
  paragraphs = await t.store.pages.listParagraphs(published.file.id);
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const get = (url: string, login?: Login) =>
  app.inject({ method: 'GET', url, headers: login ? { cookie: login.cookie } : {} });
const textUrl = (doc: TextDocument, page?: number) =>
  `/documents/${doc.entity.id}/text${page ? `?page=${page}` : ''}`;

describe('GET /documents/:id/text', () => {
  it('renders page 1 as escaped HTML with paragraph ids, headings, links and the file’s language', async () => {
    const res = await get(textUrl(published));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).not.toContain('<title>SPA</title>');
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain(
      '<h1>Strategy &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; Co</h1>',
    );
    const [heading, opening] = paragraphs as [Paragraph, Paragraph];
    expect(heading.isHeading).toBe(true);
    expect(html).toContain(`<h2 id="p-${heading.id}">Chapter &lt;One&gt; &amp; &quot;Two&quot;</h2>`);
    expect(html).toContain(
      `<p id="p-${opening.id}">Opening &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; claims.</p>`,
    );
    const file = (await t.store.files.findById(published.file.id))!;
    expect(file.language).toBeTruthy();
    expect(html).toContain(`<html lang="${file.language}">`);
    expect(html).toContain(`href="/documents/${published.entity.id}/text?page=2">Next page</a>`);
    expect(html).not.toContain('Previous page');
    expect(html).toContain(`href="/documents/${published.entity.id}?page=1">Open in the interactive viewer`);
    expect(html).toContain(`href="/api/v1/files/${published.file.id}/download"`);
  });

  it('pages through the document: each page holds the paragraphs that start on it', async () => {
    const pageCount = (await t.store.files.findById(published.file.id))!.pageCount!;
    expect(pageCount).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pageCount; page++) {
      const html = (await get(textUrl(published, page))).body;
      const ids = [...html.matchAll(/ id="p-([a-z0-9]+)"/g)].map((m) => m[1]);
      expect(ids).toEqual(paragraphs.filter((p) => p.page === page).map((p) => p.id));
      expect(html.includes('Previous page')).toBe(page > 1);
      expect(html.includes('Next page')).toBe(page < pageCount);
      expect(html).toContain(`Page ${page} of ${pageCount}`);
    }
    const past = await get(textUrl(published, pageCount + 1));
    expect(past.statusCode).toBe(404);
    expect(past.body).toContain('Document not found');
    const bad = await get(`/documents/${published.entity.id}/text?page=two`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
  });

  it('answers an unpublished document like an unknown one for anonymous readers, and shows it to editors', async () => {
    const hidden = await get(textUrl(restricted));
    const unknown = await get('/documents/nosuchentity/text');
    expect([hidden.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(hidden.body).toBe(unknown.body);
    expect(hidden.body).not.toContain('Draft');
    const signedIn = await get(textUrl(restricted), editor);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.body).toContain('A draft nobody outside may read.');
    expect(signedIn.headers['cache-control']).toContain('no-store');
  });

  it('says so when the file is still processing, and when its text could not be extracted', async () => {
    const entity = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ title: 'Pending', published: true }),
    });
    const upload = (content: Buffer) =>
      uploadFile({ store: t.store, actor: OPERATOR, entityId: entity.id, filename: 'x.bin', content });
    // A PDF header with nothing after it: detected as a PDF, and pdf.js cannot read it.
    await upload(Buffer.from('%PDF-1.7\n%broken\n'));
    const queued = await get(`/documents/${entity.id}/text`);
    expect(queued.statusCode).toBe(503);
    expect(queued.headers['retry-after']).toBeDefined();
    expect(queued.body).toContain('still being processed');

    await drainIngestQueue(t.store, t.config);
    const failed = await get(`/documents/${entity.id}/text`);
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toContain('could not be extracted');
    expect(failed.body).toContain('noindex');
  });
});
