import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { buildApp, routesOf } from './app.ts';

let t: TempStore;
let app: FastifyInstance;
let webRoot: string;
beforeAll(async () => {
  t = await createTempStore();
  webRoot = await mkdtemp(join(tmpdir(), 'cp-web-'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Cyber Policy Portal</title>');
  await writeFile(join(webRoot, 'app.js'), 'console.log(1)');
  await mkdir(join(webRoot, '.vite'));
  await writeFile(
    join(webRoot, '.vite', 'manifest.json'),
    JSON.stringify({ 'i18n/ar.json': { file: 'assets/ar-Ab12Cd34.js', isDynamicEntry: true } }),
  );
  await mkdir(join(webRoot, 'assets'));
  await writeFile(
    join(webRoot, 'assets', 'viewer-Bx12abCd.js'),
    `${'export const pages = [];\n'.repeat(400)}`,
  );
  // As the build writes them: a hashed chunk with its .br and .gz twins beside it.
  const chunk = Buffer.from(`${'export const map = [];\n'.repeat(400)}`);
  await writeFile(join(webRoot, 'assets', 'map-Cd34Ef56.js'), chunk);
  await writeFile(join(webRoot, 'assets', 'map-Cd34Ef56.js.br'), brotliCompressSync(chunk));
  await writeFile(join(webRoot, 'assets', 'map-Cd34Ef56.js.gz'), gzipSync(chunk));
  app = await buildApp({
    config: t.config,
    store: t.store,
    webRoot,
    plugins: [
      async (api) => {
        api.get('/extra', async (req) => ({
          actor: req.actor?.username ?? null,
          hasStore: Boolean(api.store),
        }));
      },
    ],
  });
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
  await rm(webRoot, { recursive: true, force: true });
});

describe('OpenAPI', () => {
  it('lists every /api/v1 route with its method', async () => {
    const res = await app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const documented = new Set(
      Object.entries(paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const registered = routesOf(app)
      .filter((r) => r.url.startsWith('/api/v1'))
      .map((r) => `${r.method} ${r.url}`);
    expect(registered.length).toBeGreaterThan(25);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    expect(paths['/api/v1/entities']?.post).toMatchObject({ requestBody: expect.anything() });
  });

  it('serves the documentation UI at /api/docs', async () => {
    const res = await app.inject({ url: '/api/docs/' });
    expect([200, 302]).toContain(res.statusCode);
  });
});

describe('extension hooks', () => {
  it('mounts extra route plugins under /api/v1 with the store and actor available', async () => {
    expect((await app.inject({ url: '/api/v1/extra' })).json()).toEqual({ actor: null, hasStore: true });
  });

  it('serves the web app and falls back to index.html for client routes, but not under /api', async () => {
    expect((await app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const page = await app.inject({ url: '/fr/states/fr?tab=strategy' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Cyber Policy Portal</title>');
    const api = await app.inject({ url: '/api/v1/missing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('treats a percent-encoded /api path as /api: a 404 problem, not the web app', async () => {
    for (const url of ['/%61pi/v1/missing', '/%61%70%69/v1/missing', '/api%2Fv1/missing']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('the language of the web app', () => {
  it('serves each language with its lang and dir on <html>, right to left for Arabic', async () => {
    const ar = await app.inject({ url: '/ar/search?q=%D8%A3%D9%85%D9%86' });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    const zh = await app.inject({ url: '/zh/states/china' });
    expect(zh.body).toContain('<html lang="zh-Hans" dir="ltr">');
    expect(zh.headers.etag).not.toBe(ar.headers.etag);
  });

  it("has the page ask for its language's catalogue at once (English is in the entry chunk)", async () => {
    const ar = await app.inject({ url: '/ar/states/egypt' });
    expect(ar.body).toContain('<link rel="modulepreload" crossorigin href="/assets/ar-Ab12Cd34.js">');
    const en = await app.inject({ url: '/en/states/egypt' });
    expect(en.body).not.toContain('modulepreload');
  });

  it('redirects / and old English addresses to the reader language from Accept-Language', async () => {
    const cases: [string, string | undefined, string][] = [
      ['/', 'fr-CH, fr;q=0.9, en;q=0.8', '/fr'],
      ['/', undefined, '/en'],
      ['/', 'de-DE, de;q=0.9', '/en'],
      ['/', 'de, ru;q=0.5, ar;q=0.7', '/ar'],
      ['/index.html', 'zh-CN', '/zh'],
      ['/states/france?tab=x', 'es-419', '/es/states/france?tab=x'],
      ['/search?q=due+diligence', 'en-US,en;q=0.9', '/en/search?q=due+diligence'],
      ['/documents/abc?page=2', 'ar-EG', '/ar/documents/abc?page=2'],
    ];
    for (const [url, accept, location] of cases) {
      const res = await app.inject({ url, headers: accept ? { 'accept-language': accept } : {} });
      expect(res.statusCode, url).toBe(302);
      expect(res.headers.location, `${url} ${accept}`).toBe(location);
      expect(res.headers.vary, url).toMatch(/Accept-Language/);
    }
  });

  it('prefers ?lang= and then the language chosen before (cookie) over Accept-Language', async () => {
    const asked = await app.inject({
      url: '/states/france?lang=ru&x=1',
      headers: { 'accept-language': 'fr' },
    });
    expect(asked.headers.location).toBe('/ru/states/france?x=1');
    const chosen = await app.inject({
      url: '/compare',
      headers: { 'accept-language': 'fr', cookie: 'cp.lang=zh' },
    });
    expect(chosen.headers.location).toBe('/zh/compare');
    const bogus = await app.inject({ url: '/', headers: { 'accept-language': 'es', cookie: 'cp.lang=xx' } });
    expect(bogus.headers.location).toBe('/es');
  });

  it('leaves /api alone: an unknown API path is a 404 problem, never a redirect', async () => {
    const res = await app.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(404);
  });
});

describe('caching and compression of the web app', () => {
  it('serves hashed assets for a year, immutable, and compressed when the browser accepts it', async () => {
    const br = await app.inject({
      url: '/assets/viewer-Bx12abCd.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(2000);
    const gzip = await app.inject({
      url: '/assets/viewer-Bx12abCd.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/viewer-Bx12abCd.js', headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('export const pages');
  });

  it('serves a precompressed hashed asset (its .br or .gz file) for a year, immutable, too', async () => {
    for (const encoding of ['br', 'gzip', '']) {
      const res = await app.inject({
        url: '/assets/map-Cd34Ef56.js',
        headers: { 'accept-encoding': encoding },
      });
      expect(res.statusCode, encoding).toBe(200);
      expect(res.headers['content-encoding'], encoding).toBe(encoding || undefined);
      expect(res.headers['cache-control'], encoding).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html (and the SPA fallback) on every visit with an ETag', async () => {
    for (const url of ['/en', '/ar/states/fr']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers.etag, url).toBeTruthy();
      const again = await app.inject({ url, headers: { 'if-none-match': String(res.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('compresses large API answers', async () => {
    const res = await app.inject({ url: '/api/docs/json', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
  });
});
