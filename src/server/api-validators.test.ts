import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { drainIngestQueue } from '../cli/context.ts';
import type { Entity } from '../domain/schemas/entity.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { updateEntity } from '../operations/update-entity.ts';
import { uploadFile } from '../operations/upload-file.ts';
import { createStoreSearchPool, type SearchPool } from '../store/sqlite/search/worker-pool.ts';
import { buildApp } from './app.ts';
import { searchRoutes } from './routes/search.routes.ts';

/**
 * Issue 16 item 5: API reads carry validators, a matching If-None-Match is a 304 with no body, and any
 * write (an edit, a publish, a file the ingest runner made searchable) changes the ETag. The real app and
 * the server's cached search pool, as `serve` builds them.
 */
let t: TempStore;
let app: FastifyInstance;
let pool: SearchPool;
let editor: Login;
let doc: Entity;

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

beforeAll(async () => {
  t = await createTempStore();
  pool = createStoreSearchPool(t.store, { workers: 0, cache: true });
  app = await buildApp({ config: t.config, store: t.store, plugins: [searchRoutes({ search: pool })] });
  await saveTemplate({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'Document', label: 'Document', properties: [] },
  });
  doc = await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template: 'Document', title: 'Cyber strategy', language: 'en', published: true, metadata: {} },
  });
  await createEntity({
    store: t.store,
    actor: OPERATOR,
    input: { template: 'Document', title: 'Cyber draft', language: 'en', published: false, metadata: {} },
  });
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await pool.close();
  await t.cleanup();
});

const READS = () => [
  '/api/v1/search?q=cyber',
  `/api/v1/entities/${doc.id}`,
  `/api/v1/entities/${doc.id}/view`,
  '/api/v1/templates',
  '/api/v1/thesauri',
];

describe('validators on API reads', () => {
  it('answers a matching If-None-Match with 304 and no body, private and revalidated', async () => {
    for (const url of READS()) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('private, no-cache');
      const etag = String(res.headers.etag);
      expect(etag, url).toMatch(/"$/);
      const again = await get(url, { 'if-none-match': etag, 'accept-encoding': 'br, gzip' });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length, url).toBe(0);
      expect(again.headers.etag, url).toBe(etag);
      expect((await get(url, { 'if-none-match': '"other"' })).statusCode, url).toBe(200);
    }
  });

  it('reads the write generation once for a search the result cache answers', async () => {
    const index = t.store.searchIndex;
    const read = index.generation.bind(index);
    let reads = 0;
    index.generation = () => {
      reads++;
      return read();
    };
    try {
      await get('/api/v1/search?q=strategy');
      reads = 0;
      const cached = await get('/api/v1/search?q=strategy');
      expect(cached.statusCode).toBe(200);
      expect(cached.json().total).toBe(1);
      // The ETag's read serves the cache too (it was read again there before).
      expect(reads).toBe(1);
    } finally {
      index.generation = read;
    }
  });

  it('gives a percent-encoded spelling of an API path the same private, revalidated headers', async () => {
    const res = await get('/%61pi/v1/templates');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers.vary).toMatch(/Cookie/);
    expect(res.headers.etag).toBeTruthy();
  });

  it('never gives anonymous and signed-in readers the same search ETag', async () => {
    const anonymous = await get('/api/v1/search?q=cyber');
    const signedIn = await get('/api/v1/search?q=cyber', authHeaders(editor));
    expect(anonymous.json().total).toBe(1);
    expect(signedIn.json().total).toBe(2);
    expect(signedIn.headers.etag).not.toBe(anonymous.headers.etag);
    const crossed = await get('/api/v1/search?q=cyber', {
      ...authHeaders(editor),
      'if-none-match': String(anonymous.headers.etag),
    });
    expect(crossed.statusCode).toBe(200);
  });

  it('changes the ETag after an edit, a publish and a file ingested by the runner', async () => {
    const tags = async () =>
      Promise.all(
        READS()
          .slice(0, 3)
          .map(async (u) => String((await get(u)).headers.etag)),
      );
    const before = await tags();
    await updateEntity({ store: t.store, actor: OPERATOR, id: doc.id, patch: { title: 'Cyber policy' } });
    const edited = await tags();
    for (const [i, tag] of edited.entries()) expect(tag).not.toBe(before[i]);
    const search = await get('/api/v1/search?q=policy', { 'if-none-match': before[0]! });
    expect(search.statusCode).toBe(200);
    expect(search.json().total).toBe(1);

    const draft = (await get('/api/v1/search?q=draft', authHeaders(editor))).json().items[0].entity.id;
    const hiddenTag = String((await get('/api/v1/search?q=draft')).headers.etag);
    expect((await get('/api/v1/search?q=draft')).json().total).toBe(0);
    await updateEntity({ store: t.store, actor: OPERATOR, id: draft, patch: { published: true } });
    const published = await get('/api/v1/search?q=draft', { 'if-none-match': hiddenTag });
    expect(published.statusCode).toBe(200);
    expect(published.json().total).toBe(1);

    const quietTag = String((await get('/api/v1/search?q=zeppelin')).headers.etag);
    expect((await get('/api/v1/search?q=zeppelin')).json().total).toBe(0);
    await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: doc.id,
      filename: 'text.txt',
      mimeType: 'text/plain',
      content: Buffer.from('A zeppelin crosses the border.'),
    });
    await drainIngestQueue(t.store, t.config);
    const ingested = await get('/api/v1/search?q=zeppelin', { 'if-none-match': quietTag });
    expect(ingested.statusCode).toBe(200);
    expect(ingested.json().total).toBe(1);
  });
});
