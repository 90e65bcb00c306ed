import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import {
  documentsWithText,
  quoteIn,
  RESPONSE,
  seedReferenceTypes,
  type TextDocument,
} from '../../../test/reference-fixtures.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import type { Page } from '../../domain/schemas/file.ts';
import type { ReferenceView } from '../../domain/schemas/reference-view.ts';
import { buildApp } from '../app.ts';
import { referencesRoutes } from './references.routes.ts';

/** Twelve numbered paragraphs of ~700 characters: about three logical pages of ~3,000 characters. */
const LONG = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i + 1}. ${'States cooperate to keep cyberspace open, secure and peaceful. '.repeat(11)}End ${i + 1}.`,
).join('\n\n');

let t: TempStore;
let app: FastifyInstance;
let editor: Login;
let long: TextDocument;
let response: TextDocument;
let pages: Page[];

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store, plugins: [referencesRoutes] });
  await seedReferenceTypes(t.store);
  [long, response] = await documentsWithText(t.store, t.config, [
    { title: 'Long', text: LONG, published: true },
    { title: 'Unpublished response', text: RESPONSE },
  ]);
  editor = await loginAs(app, 'editor');
  pages = (await get(`/api/v1/files/${long.file.id}/pages`)).json();
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const get = (url: string, login: Login | null = editor) =>
  app.inject({ method: 'GET', url, headers: login ? { cookie: login.cookie } : {} });

/** Connects response → long at [start, end) of the long text. */
async function connectAt(start: number, end: number) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/references',
    headers: authHeaders(editor),
    payload: {
      relationType: 'responds-to',
      source: quoteIn(response.file.id, response.fullText, 'We agree'),
      targetEntityId: long.entity.id,
      target: {
        fileId: long.file.id,
        start,
        end,
        exact: long.fullText.slice(start, end),
        prefix: '',
        suffix: '',
        rects: [],
      },
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as ReferenceView;
}

const idsOn = async (page: number, extra = '') =>
  (await get(`/api/v1/references?fileId=${long.file.id}&page=${page}${extra}`))
    .json()
    .items.map((r: ReferenceView) => r.id);

describe('GET /api/v1/references?fileId=&page=', () => {
  it('lists the connections whose end touches the page, in text order, with paging', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const [p1, p2, p3] = pages as [Page, Page, Page];
    const onFirst = await connectAt(p1.start + 10, p1.start + 40);
    const lateOnFirst = await connectAt(p1.end - 30, p1.end - 5);
    // Crosses the break between pages 1 and 2 (the quote spans the paragraph boundary).
    const across = await connectAt(p1.end - 4, p2.start + 12);
    const onSecond = await connectAt(p2.start + 100, p2.start + 150);
    const onThird = await connectAt(p3.start + 5, p3.start + 25);

    expect(await idsOn(1)).toEqual([onFirst.id, lateOnFirst.id, across.id]);
    expect(await idsOn(2)).toEqual([across.id, onSecond.id]);
    expect(await idsOn(3)).toEqual([onThird.id]);
    expect(await idsOn(99)).toEqual([]);

    const paged = (await get(`/api/v1/references?fileId=${long.file.id}&page=1&limit=2&offset=1`)).json();
    expect(paged).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(paged.items.map((r: ReferenceView) => r.id)).toEqual([lateOnFirst.id, across.id]);
    // Listed from the long document's side: it holds the target end.
    expect(paged.items[0]).toMatchObject({ direction: 'incoming', targetPlace: { page: 1 } });

    // The whole file still lists all five.
    expect((await get(`/api/v1/references?fileId=${long.file.id}`)).json().total).toBe(5);
  });

  it('finds a page’s connections among the source ends of the file too', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/references',
      headers: authHeaders(editor),
      payload: {
        relationType: 'responds-to',
        source: quoteIn(long.file.id, long.fullText, 'Paragraph 12.'),
        targetEntityId: response.entity.id,
      },
    });
    expect(res.statusCode).toBe(201);
    const last = pages.at(-1)!.number;
    const list = (await get(`/api/v1/references?fileId=${long.file.id}&page=${last}`)).json();
    expect(list.items.find((r: ReferenceView) => r.id === res.json().id)).toMatchObject({
      direction: 'outgoing',
    });
  });

  it('needs fileId with page, and applies the reader’s visibility', async () => {
    const noFile = await get(`/api/v1/references?entityId=${long.entity.id}&page=1`);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors).toEqual([{ path: 'page', message: expect.any(String) }]);
    expect((await get(`/api/v1/references?fileId=${long.file.id}&page=0`)).statusCode).toBe(400);
    // Every connection here has an unpublished end (the response): anonymous readers see none of them.
    expect((await get(`/api/v1/references?fileId=${long.file.id}&page=1`, null)).json()).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await get(`/api/v1/references?fileId=${response.file.id}&page=1`, null)).statusCode).toBe(404);
  });

  it('lists a quote spanning three pages on each of them', async () => {
    const [p1, , p3] = pages as [Page, Page, Page];
    const long = await connectAt(p1.end - 20, p3.start + 20);
    for (const n of [1, 2, 3]) expect(await idsOn(n, '&limit=500')).toContain(long.id);
  });

  it('documents page in the OpenAPI description of GET /references', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const names = spec.paths['/api/v1/references'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['fileId', 'page', 'limit', 'offset']));
  });
});
