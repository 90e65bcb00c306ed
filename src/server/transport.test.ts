import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntity, buildTemplate } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { buildApp } from './app.ts';

// Issue 16 item 5, checked over a real socket as a browser meets it (app.test.ts checks the same headers
// in-process): compressed text, hashed assets kept for a year, index.html and API answers revalidated.
let t: TempStore;
let app: FastifyInstance;
let base: string;
let webRoot: string;
let entityId: string;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };
const fetchRaw = (path: string, headers: Record<string, string> = {}) =>
  new Promise<Answer>((ok, fail) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', fail)
      .end();
  });
const decoded = (a: Answer) =>
  a.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(a.body).toString()
    : a.headers['content-encoding'] === 'gzip'
      ? gunzipSync(a.body).toString()
      : a.body.toString();

beforeAll(async () => {
  t = await createTempStore();
  webRoot = await mkdtemp(join(tmpdir(), 'cp-web-'));
  await writeFile(
    join(webRoot, 'index.html'),
    `<!doctype html><title>Cyber Policy Portal</title>${'<!-- padding -->'.repeat(100)}`,
  );
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'assets', 'index-Ab12Cd34.js'), 'export const x = 1;\n'.repeat(500));
  await writeFile(join(webRoot, 'assets', 'index-Ef56Gh78.css'), '.a { color: red; }\n'.repeat(500));
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  for (let i = 0; i < 40; i++)
    entityId = (
      await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ published: true }) })
    ).id;
  app = await buildApp({ config: t.config, store: t.store, webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
  await rm(webRoot, { recursive: true, force: true });
});

describe('transport over HTTP', () => {
  it('compresses every kind of text answer with brotli, or gzip when that is all the browser takes', async () => {
    for (const path of [
      '/assets/index-Ab12Cd34.js',
      '/assets/index-Ef56Gh78.css',
      '/en',
      '/api/v1/entities?limit=40',
      `/api/v1/entities/${entityId}/profile`,
    ]) {
      const plain = await fetchRaw(path, { 'accept-encoding': 'identity' });
      expect(plain.status, path).toBe(200);
      if (plain.body.length < 1024) continue; // below the threshold nothing is worth compressing
      const br = await fetchRaw(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.body.length, path).toBeLessThan(plain.body.length);
      expect(decoded(br), path).toBe(plain.body.toString());
      const gzip = await fetchRaw(path, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], path).toBe('gzip');
      expect(decoded(gzip), path).toBe(plain.body.toString());
    }
  });

  it('keeps hashed assets for a year without revalidation', async () => {
    for (const path of ['/assets/index-Ab12Cd34.js', '/assets/index-Ef56Gh78.css']) {
      const res = await fetchRaw(path, { 'accept-encoding': 'br' });
      expect(res.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }
  });

  it('revalidates index.html and API answers with their ETag: 304 and no body while unchanged', async () => {
    for (const path of ['/en', '/fr/states/x', '/api/v1/entities?limit=40', `/api/v1/entities/${entityId}`]) {
      const first = await fetchRaw(path, { 'accept-encoding': 'br' });
      expect(first.status, path).toBe(200);
      expect(first.headers['cache-control'], path).toMatch(/no-cache/);
      const etag = String(first.headers.etag ?? '');
      expect(etag, path).not.toBe('');
      const again = await fetchRaw(path, { 'accept-encoding': 'br', 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.body.length, path).toBe(0);
    }
    // A change makes the old tag stale: the next request gets the new answer.
    const before = await fetchRaw('/api/v1/entities?limit=40');
    await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ published: true }) });
    const after = await fetchRaw('/api/v1/entities?limit=40', {
      'if-none-match': String(before.headers.etag),
    });
    expect(after.status).toBe(200);
  });
});
