import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_LIMIT_MAX } from '../src/domain/schemas/search.ts';
import { createEntity } from '../src/operations/create-entity.ts';
import { OPERATOR } from '../src/operations/permissions.ts';
import { buildApp } from '../src/server/app.ts';
import { referencesRoutes } from '../src/server/routes/references.routes.ts';
import { searchRoutes } from '../src/server/routes/search.routes.ts';
import { suggestionsRoutes } from '../src/server/routes/suggestions.routes.ts';
import { createSearchPool, type SearchPool } from '../src/store/sqlite/search/worker-pool.ts';
import { api, getSession } from '../src/web/api/client.ts';
import { documentsApi } from '../src/web/api/documents.ts';
import { searchEntityIds, searchPage } from '../src/web/api/search.ts';
import { buildEntity } from './factories.ts';
import { documentsWithText, seedReferenceTypes, type TextDocument } from './reference-fixtures.ts';
import { createTempStore, type TempStore } from './temp-store.ts';

/**
 * Every call of the web app's API layer, run against the real API (the whole app on a temp database;
 * `fetch` is routed into Fastify's inject). A parameter the server's zod schema refuses is a 400 here,
 * and a response that does not match the domain's schema fails the client's parse.
 */
let t: TempStore;
let app: FastifyInstance;
let pool: SearchPool;
let doc: TextDocument;
const realFetch = globalThis.fetch;
/** More matching documents than one page of /search may return. */
const MANY = SEARCH_LIMIT_MAX + 30;

beforeAll(async () => {
  t = await createTempStore();
  pool = createSearchPool({ sqlite: t.store.sqlite.sqlite, workers: 0 });
  app = await buildApp({
    config: t.config,
    store: t.store,
    plugins: [searchRoutes({ search: pool }), referencesRoutes, suggestionsRoutes({ search: pool })],
  });
  await seedReferenceTypes(t.store);
  [doc] = await documentsWithText(t.store, t.config, [
    {
      title: 'Cyber statement',
      text: 'Cyber norms apply.\n\nStates cooperate on incidents.',
      published: true,
    },
  ]);
  for (let i = 0; i < MANY; i++)
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ title: `Cyber strategy ${i}`, published: true }),
    });
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: String(input),
      headers: init?.headers as Record<string, string>,
      payload: init?.body as string | undefined,
    });
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  }) as typeof fetch;
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await app.close();
  await pool.close();
  await t.cleanup();
});

describe('the web API client against the real API', () => {
  it('finds every matching entity for Browse, paging /search within its limit', async () => {
    const found = await searchEntityIds({ q: 'cyber' });
    expect(found.total).toBe(MANY + 1);
    expect(found.entityIds).toHaveLength(MANY + 1);
    expect(found.entityIds).toContain(doc.entity.id);
  });

  it('clamps a limit above the schema maximum instead of sending it', async () => {
    const page = await searchPage({ q: 'cyber', limit: 500 });
    expect(page.items).toHaveLength(SEARCH_LIMIT_MAX);
    expect(page.nextCursor).toBeTruthy();
    const next = await searchPage({ q: 'cyber', limit: 500, cursor: page.nextCursor ?? undefined });
    expect(next.items).toHaveLength(MANY + 1 - SEARCH_LIMIT_MAX);
  });

  it('reads templates, thesauri, entities, views and the session through their schemas', async () => {
    expect((await api.templates()).map((x) => x.name)).toContain('Document');
    expect(await api.thesauri()).toEqual([]);
    expect((await api.entity(doc.entity.id)).title).toBe('Cyber statement');
    expect((await api.entityView(doc.entity.id)).files[0]?.id).toBe(doc.file.id);
    expect(await api.listAllEntities('Document')).toHaveLength(MANY + 1);
    expect((await getSession()).user).toBeNull();
  });

  it('reads what the viewer reads: pages, paragraphs, table of contents, file search, connections, autocomplete, suggestions', async () => {
    expect((await documentsApi.pages(doc.file.id, 1, 8)).length).toBeGreaterThan(0);
    const paragraphs = await documentsApi.paragraphs(doc.file.id);
    expect(paragraphs.length).toBe(2);
    // A text file without headings: an empty table of contents, parsed by its schema.
    expect(await documentsApi.toc(doc.file.id)).toEqual([]);
    expect((await documentsApi.searchFile(doc.file.id, 'norms')).matches).toHaveLength(1);
    expect((await documentsApi.references({ fileId: doc.file.id, page: 1, limit: 500 })).total).toBe(0);
    expect((await documentsApi.references({ entityId: doc.entity.id, offset: 0, limit: 20 })).total).toBe(0);
    expect(await documentsApi.relationTypes()).toHaveLength(1);
    expect((await documentsApi.autocomplete('cyber str', undefined)).items.length).toBeGreaterThan(0);
    const suggestions = await documentsApi.suggestions({ paragraphId: paragraphs[0]!.id });
    expect(Array.isArray(suggestions.items)).toBe(true);
  });
});
