import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { buildApp } from '../../../server/app.ts';
import { searchRoutes } from '../../../server/routes/search.routes.ts';
import { openStore, type SqliteStore } from '../../store.ts';
import { addDocument, standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';
import { createSearchPool, type SearchPool } from './worker-pool.ts';

let fx: Fixture;
let store: SqliteStore;
let pool: SearchPool;
let app: Awaited<ReturnType<typeof buildApp>>;
let fileId: string;

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  for (let i = 0; i < 3; i++)
    addDocument(fx, {
      title: `Strategy ${i}`,
      paragraphs: ['cyber norms'],
      metadata: { documentType: 'strategy' },
    });
  const hidden = addDocument(fx, { title: 'Hidden', paragraphs: ['cyber norms'], published: false });
  fileId = fx.sqlite.prepare('SELECT id FROM files WHERE entity_id = ?').pluck().get(hidden) as string;
  store = await openStore(fx.dataDir);
  pool = createSearchPool({ sqlite: store.sqlite.sqlite, workers: 0 });
  const config = loadConfig({}, { dataDir: fx.dataDir, logLevel: 'silent' });
  app = await buildApp({ config, store, plugins: [searchRoutes({ search: pool })] });
});
afterAll(async () => {
  await app.close();
  await pool.close();
  await store.close();
  await fx.close();
});

describe('search routes', () => {
  it('GET /search parses facet filters from the URL and hides unpublished entities', async () => {
    const res = await app.inject({
      url: '/api/v1/search?q=cyber&f.documentType=strategy,statement&op.documentType=or&limit=2',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.length).toBe(2);
    expect(body.nextCursor).toBeTruthy();
    expect(body.facets.documentType.buckets[0]).toMatchObject({
      value: 'strategy',
      label: 'National strategy',
      count: 3,
    });
    const next = await app.inject({
      url: `/api/v1/search?q=cyber&f.documentType=strategy&limit=2&cursor=${body.nextCursor}`,
    });
    expect(next.json().items.length).toBe(1);
  });

  it('never fails on hostile text', async () => {
    for (const q of ['"', 'NEAR(', '-', '\u0000', '😀', 'a:b', '"'.repeat(5000)]) {
      const res = await app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      expect(res.statusCode).toBe(200);
    }
  });

  it('exports CSV and JSON', async () => {
    const csv = await app.inject({ url: '/api/v1/search/export?q=cyber&format=csv' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.trim().split('\n').length).toBe(4);
    const json = await app.inject({ url: '/api/v1/search/export?q=cyber&format=json' });
    expect(json.json().length).toBe(3);
  });

  it('searches within a file (404 for anonymous on unpublished) and autocompletes', async () => {
    expect((await app.inject({ url: `/api/v1/files/${fileId}/search?q=norms` })).statusCode).toBe(404);
    const ac = await app.inject({ url: '/api/v1/autocomplete?q=strat&limit=2' });
    expect(ac.json().items.length).toBe(2);
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/search', '/api/v1/autocomplete']),
    );
  });
});
