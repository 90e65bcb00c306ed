import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { create, extract } from 'tar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { TEMPLATES, THESAURI } from '../../demo/data/index.ts';
import type { Entity } from '../../domain/schemas/entity.ts';
import type { Activity } from '../../domain/schemas/user.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { exportCollection } from '../../operations/export-collection.ts';
import { importCollection } from '../../operations/import-collection.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { buildApp } from '../app.ts';

// Safe writes (issue 10, item 1) through the real app and database: merge patch, versions, diffs, revert.

let t: TempStore;
let app: FastifyInstance;
let editor: Login;
let admin: Login;
let strategy: string;
let kenya: string;

const KENYA = { iso2: 'KE', iso3: 'KEN', region: 'africa' };

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  for (const input of THESAURI) await saveThesaurus({ store: t.store, actor: OPERATOR, input });
  for (const input of TEMPLATES)
    await saveTemplate({ store: t.store, actor: OPERATOR, input: input as never });
  strategy = (
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: {
        template: 'Document',
        title: 'Kenya National Cybersecurity Strategy',
        metadata: { documentType: 'national-strategy', summary: 'The 2022 strategy.' },
      },
    })
  ).id;
  editor = await loginAs(app, 'editor');
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

beforeEach(async () => {
  kenya = (
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: { template: 'State', title: 'Kenya', published: true, metadata: KENYA },
    })
  ).id;
});

const write = (
  method: 'PATCH' | 'PUT' | 'DELETE',
  body?: object,
  headers: Record<string, string> = {},
  id = kenya,
) =>
  app.inject({
    method,
    url: `/api/v1/entities/${id}`,
    headers: { ...authHeaders(editor), ...headers },
    ...(body ? { payload: body } : {}),
  });
const read = async (id = kenya) => {
  const res = await app.inject({ url: `/api/v1/entities/${id}`, headers: authHeaders(editor) });
  return { entity: res.json() as Entity, etag: String(res.headers.etag) };
};
const log = async (id = kenya) =>
  (await app.inject({ url: `/api/v1/activity?targetId=${id}`, headers: authHeaders(admin) })).json()
    .items as Activity[];
const revert = (entry: number) =>
  app.inject({ method: 'POST', url: `/api/v1/activity/${entry}/revert`, headers: authHeaders(editor) });

describe('PATCH merges (RFC 7396)', () => {
  it('adds a strategy document and keeps the ISO codes and region the body did not name', async () => {
    const res = await write('PATCH', { metadata: { strategyDocuments: [strategy] } });
    expect(res.statusCode).toBe(200);
    const { entity } = await read();
    expect(entity.metadata).toEqual({ ...KENYA, strategyDocuments: [strategy] });
    expect(entity).toMatchObject({ title: 'Kenya', published: true, version: 2 });
    expect(res.json()).toEqual(entity);
  });

  it('removes a key sent as null and nothing else', async () => {
    expect((await write('PATCH', { metadata: { iso2: null } })).statusCode).toBe(200);
    expect((await read()).entity.metadata).toEqual({ iso3: 'KEN', region: 'africa' });
  });

  it('refuses null for a field that cannot be removed, writing nothing', async () => {
    const res = await write('PATCH', { title: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('title');
    expect((await read()).entity).toMatchObject({ title: 'Kenya', version: 1 });
  });

  // The web app says these in the reader's language from `code` and `params` (src/web/lib/problems.ts).
  it('names each refusal by a stable code with the values it concerns', async () => {
    const missing = await write('PATCH', { metadata: { documentType: null } }, {}, strategy);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      {
        path: 'metadata.documentType',
        message: 'Document type is required',
        code: 'required',
        params: { property: 'documentType', label: 'Document type' },
      },
    ]);
    const unknown = await write('PATCH', { metadata: { documentType: 'no-such-type' } }, {}, strategy);
    expect(unknown.json().errors[0]).toMatchObject({
      code: 'notInThesaurus',
      params: { property: 'documentType', value: 'no-such-type' },
    });
    const long = await write('PATCH', { title: 'x'.repeat(5000) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({
      path: 'title',
      code: 'zod.too_big',
      params: { origin: 'string', maximum: expect.any(Number) },
    });
    expect((await read()).entity).toMatchObject({ title: 'Kenya', version: 1 });
  });
});

describe('versions', () => {
  it('gives GET an ETag led by the version, and answers a write based on an old one with 409 and the current values', async () => {
    const { etag } = await read();
    expect(etag).toMatch(/^"1-[\w-]+"$/);
    const first = await write('PATCH', { title: 'Republic of Kenya' }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');

    // A second editor still holding version 1 (as If-Match, then as a version field).
    for (const stale of [
      () => write('PATCH', { metadata: { iso3: 'XXX' } }, { 'if-match': etag }),
      () => write('PATCH', { metadata: { iso3: 'XXX' }, version: 1 }),
      () => write('PUT', { title: 'Kenya', metadata: {}, version: 1 }),
      () => write('DELETE', undefined, { 'if-match': '"1"' }),
    ]) {
      const res = await stale();
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        status: 409,
        detail: expect.stringContaining('version 1'),
        current: { id: kenya, title: 'Republic of Kenya', version: 2, metadata: KENYA },
      });
    }
    expect((await read()).entity).toMatchObject({ title: 'Republic of Kenya', version: 2, metadata: KENYA });
    expect((await log()).map((a) => a.action)).toEqual(['update', 'create']);
  });

  it('lets only one of two writes based on the same version through', async () => {
    const [a, b] = await Promise.all([
      write('PATCH', { title: 'Kenya A', version: 1 }),
      write('PATCH', { title: 'Kenya B', version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await read()).entity.version).toBe(2);
  });

  it('replaces whole with PUT, which needs the version it replaces (428 without)', async () => {
    const missing = await write('PUT', { title: 'Kenya', metadata: { iso3: 'KEN' } });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().detail).toContain('If-Match');
    const res = await write(
      'PUT',
      { title: 'Kenya', published: true, metadata: { iso3: 'KEN' } },
      { 'if-match': '"1"' },
    );
    expect(res.statusCode).toBe(200);
    expect((await read()).entity).toMatchObject({ metadata: { iso3: 'KEN' }, version: 2 });
  });

  it('refuses an If-Match that names no version, and a version that disagrees with it', async () => {
    expect((await write('PATCH', { title: 'K' }, { 'if-match': 'yesterday' })).statusCode).toBe(400);
    expect((await write('PATCH', { title: 'K', version: 2 }, { 'if-match': '"1"' })).statusCode).toBe(400);
    expect((await read()).entity).toMatchObject({ title: 'Kenya', version: 1 });
  });
});

describe('the activity log', () => {
  it('stores the exact field-level diff of a create, an update and a delete', async () => {
    await write('PATCH', {
      title: 'Republic of Kenya',
      metadata: { iso2: null, strategyDocuments: [strategy] },
    });
    await write('DELETE');
    const [deleted, updated, created] = await log();
    expect(created!.changes).toEqual([
      { field: 'title', after: 'Kenya' },
      { field: 'language', after: 'en' },
      { field: 'published', after: true },
      { field: 'lastReviewed', after: { profile: null, sections: {} } },
      { field: 'metadata.iso2', after: 'KE' },
      { field: 'metadata.iso3', after: 'KEN' },
      { field: 'metadata.region', after: 'africa' },
    ]);
    expect(updated!.changes).toEqual([
      { field: 'title', before: 'Kenya', after: 'Republic of Kenya' },
      { field: 'metadata.iso2', before: 'KE' },
      { field: 'metadata.strategyDocuments', after: [strategy] },
    ]);
    expect(deleted!.changes).toEqual([
      { field: 'title', before: 'Republic of Kenya' },
      { field: 'language', before: 'en' },
      { field: 'published', before: true },
      { field: 'lastReviewed', before: { profile: null, sections: {} } },
      { field: 'metadata.iso3', before: 'KEN' },
      { field: 'metadata.region', before: 'africa' },
      { field: 'metadata.strategyDocuments', before: [strategy] },
    ]);
  });

  it('reverts one change (itself logged with its diff) and keeps later changes to other fields', async () => {
    await write('PATCH', { metadata: { iso2: null, strategyDocuments: [strategy] } });
    await write('PATCH', { title: 'Republic of Kenya' });
    const [, change] = await log();
    const res = await revert(change!.id);
    expect(res.statusCode).toBe(200);
    const { entity } = await read();
    expect(entity).toMatchObject({ title: 'Republic of Kenya', metadata: KENYA, version: 4 });
    expect(res.json()).toEqual(entity);
    const [entry] = await log();
    expect(entry).toMatchObject({
      action: 'revert',
      summary: expect.stringContaining(`Reverted entry ${change!.id}`),
      changes: [
        { field: 'metadata.iso2', after: 'KE' },
        { field: 'metadata.strategyDocuments', before: [strategy] },
      ],
    });
  });

  it('refuses with 409 to revert a change whose fields changed since, writing nothing', async () => {
    await write('PATCH', { title: 'Republic of Kenya' });
    await write('PATCH', { title: 'Kenia' });
    const [, first] = await log();
    const res = await revert(first!.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      detail: expect.stringContaining('title'),
      current: { title: 'Kenia' },
    });
    expect((await read()).entity).toMatchObject({ title: 'Kenia', version: 3 });
    expect((await log())[0]!.action).toBe('update');
  });

  it('does not revert a creation, nor an entry that records no entity change', async () => {
    const [created] = await log();
    expect((await revert(created!.id)).statusCode).toBe(409);
    expect((await revert(999_999)).statusCode).toBe(404);
  });
});

describe('export and import', () => {
  it('keep versions and diffs, and give entities of an archive written before them version 1', async () => {
    await write('PATCH', { title: 'Republic of Kenya' });
    const archive = join(t.dataDir, 'out', 'versions.tar.gz');
    await exportCollection({ store: t.store, out: archive });
    const kept = await createTempStore();
    try {
      await importCollection({ store: kept.store, archive });
      expect(await kept.store.entities.findById(kenya)).toMatchObject({ version: 2 });
      const [entry] = await kept.store.activity.list({ limit: 1, targetId: kenya });
      expect(entry!.changes).toEqual([{ field: 'title', before: 'Kenya', after: 'Republic of Kenya' }]);
    } finally {
      await kept.cleanup();
    }

    // The same archive as version 2 wrote it: no entities.version, no activity_log.changes.
    const dir = join(t.dataDir, 'out', 'v2');
    mkdirSync(dir, { recursive: true });
    await extract({ file: archive, cwd: dir });
    for (const [table, column] of [
      ['entities', 'version'],
      ['activity_log', 'changes'],
    ] as const) {
      const file = join(dir, 'tables', `${table}.jsonl`);
      const rows = readFileSync(file, 'utf8').trim().split('\n');
      const old = rows.map((line) => {
        const { [column]: _dropped, ...row } = JSON.parse(line);
        return JSON.stringify(row);
      });
      writeFileSync(file, `${old.join('\n')}\n`);
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 2 }));
    const v2 = join(t.dataDir, 'out', 'v2.tar.gz');
    await create({ gzip: true, file: v2, cwd: dir }, ['manifest.json', 'tables']);
    const b = await createTempStore();
    try {
      await importCollection({ store: b.store, archive: v2 });
      expect(await b.store.entities.findById(kenya)).toMatchObject({
        title: 'Republic of Kenya',
        version: 1,
      });
      const [entry] = await b.store.activity.list({ limit: 1, targetId: kenya });
      expect(entry!.changes).toBeNull();
    } finally {
      await b.cleanup();
    }
  });
});

describe('the OpenAPI document', () => {
  it('documents If-Match, the 409 with the current entity, and what a write without a version does', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json();
    const patch = doc.paths['/api/v1/entities/{id}'].patch;
    const put = doc.paths['/api/v1/entities/{id}'].put;
    for (const op of [patch, put]) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'if-match' }));
      expect(Object.keys(op.responses)).toContain('409');
    }
    expect(patch.description).toContain('Without either the patch applies to the current version');
    expect(put.description).toContain('428 without it');
    expect(doc.paths['/api/v1/activity/{id}/revert'].post).toBeDefined();
  });
});
