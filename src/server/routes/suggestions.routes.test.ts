import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Login, loginAs } from '../../../test/factories.ts';
import {
  documentsWithText,
  seedReferenceTypes,
  type TextDocument,
} from '../../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { createSearchPool, type SearchPool } from '../../store/sqlite/search/worker-pool.ts';
import { buildApp } from '../app.ts';
import { suggestionsRoutes } from './suggestions.routes.ts';

const SELECTION =
  'Operators of critical information infrastructure shall notify the national CERT of every significant incident within twenty-four hours.';

let t: TempStore;
let app: FastifyInstance;
let pool: SearchPool;
let editor: Login;
let statement: TextDocument;
let response: TextDocument;
let draft: TextDocument;

beforeAll(async () => {
  t = await createTempStore();
  // A real worker thread: its connection is read-only, as in production.
  pool = createSearchPool({ dbPath: t.store.sqlite.path, workers: 1 });
  app = await buildApp({ config: t.config, store: t.store, plugins: [suggestionsRoutes({ search: pool })] });
  await seedReferenceTypes(t.store);
  [statement, response, draft] = await documentsWithText(t.store, t.config, [
    {
      title: 'Statement',
      text: `${SELECTION}\n\nTariffs on imported bicycles are reviewed each year.`,
      published: true,
    },
    {
      title: 'Response',
      text:
        'Bicycle tariffs will rise next year.\n\nThe national CERT receives reports from critical information ' +
        'infrastructure operators within twenty-four hours of a significant incident.',
      published: true,
    },
    {
      title: 'Draft',
      text: 'Critical information infrastructure operators notify the national CERT of a significant incident within twenty-four hours.',
    },
  ]);
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await pool.close();
  await t.cleanup();
});

const get = (query: Record<string, string | number | undefined>, headers: Record<string, string> = {}) =>
  app.inject({
    url: `/api/v1/suggestions?${new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])))}`,
    headers,
  });
const firstParagraph = async (doc: TextDocument) => (await t.store.pages.listParagraphs(doc.file.id))[0]!;

describe('GET /suggestions', () => {
  it('suggests the matching paragraph of the target for a range of the stored text', async () => {
    const start = statement.fullText.indexOf(SELECTION);
    const res = await get({
      fileId: statement.file.id,
      start,
      end: start + SELECTION.length,
      targetEntityId: response.entity.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.terms).toEqual(expect.arrayContaining(['critical', 'infrastructure', 'cert']));
    expect(body.items[0]).toMatchObject({
      fileId: response.file.id,
      entityId: response.entity.id,
      entityTitle: 'Response',
      page: 1,
    });
    expect(body.items[0].text).toMatch(/^The national CERT receives/);
    expect(body.items[0].sharedPhrases).toEqual(
      expect.arrayContaining(['national cert', 'critical information infrastructure']),
    );
    expect(body.items[0].sharedTerms).toEqual(expect.arrayContaining(['operators', 'incident']));
  });

  it('searches the collection but the source file, with unpublished entities for signed-in users only', async () => {
    const source = await firstParagraph(statement);
    const anon = (await get({ paragraphId: source.id })).json();
    const anonFiles = anon.items.map((i: { fileId: string }) => i.fileId);
    expect(anonFiles[0]).toBe(response.file.id);
    expect(anonFiles).not.toContain(draft.file.id);
    expect(anonFiles).not.toContain(statement.file.id);
    const signedIn = (await get({ paragraphId: source.id, limit: 1 }, { cookie: editor.cookie })).json();
    expect(signedIn.items.map((i: { fileId: string }) => i.fileId)).toEqual([draft.file.id]);
  });

  it('404s an unknown or hidden source or target', async () => {
    const hidden = await firstParagraph(draft);
    const source = await firstParagraph(statement);
    for (const query of [
      { paragraphId: 'nosuchparagraph' },
      { paragraphId: hidden.id },
      { fileId: draft.file.id, start: 0, end: 5 },
      { paragraphId: source.id, targetEntityId: draft.entity.id },
    ]) {
      const res = await get(query);
      expect(res.statusCode, JSON.stringify(query)).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await get({ paragraphId: hidden.id }, { cookie: editor.cookie })).statusCode).toBe(200);
  });

  it('400s a bad range or an ambiguous source, as a problem document', async () => {
    const source = await firstParagraph(statement);
    const len = statement.fullText.length;
    for (const query of [
      { fileId: statement.file.id, start: 0, end: len + 1 },
      { fileId: statement.file.id, start: 10, end: 10 },
      { fileId: statement.file.id, start: 0 },
      { paragraphId: source.id, fileId: statement.file.id, start: 0, end: 5 },
      { paragraphId: source.id, limit: 21 },
      {},
    ]) {
      const res = await get(query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await get({ fileId: statement.file.id, start: 0, end: len + 1 })).json().errors).toEqual([
      { path: 'query.end', message: expect.stringContaining('outside') },
    ]);
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await app.inject({ url: '/api/docs/json' })).json();
    const op = spec.paths['/api/v1/suggestions'].get;
    expect(op.tags).toEqual(['suggestions']);
    expect(op.summary).toBeTruthy();
    const params = Object.fromEntries(
      op.parameters.map((p: { name: string; description?: string }) => [p.name, p.description]),
    );
    for (const name of ['paragraphId', 'fileId', 'start', 'end', 'targetEntityId', 'limit'])
      expect(params[name], name).toBeTruthy();
  });
});
