import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { TEMPLATES, THESAURI } from '../../demo/data/index.ts';
import { bulkEditEntities } from '../../operations/bulk-edit-entities.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { saveThesaurus } from '../../operations/save-thesaurus.ts';
import { buildApp } from '../app.ts';

// Publishing and bulk work (issue 10, item 5, API side) through the real app and database.

let t: TempStore;
let app: FastifyInstance;
let editor: Login;

const KENYA = { iso2: 'KE', iso3: 'KEN', region: 'africa' };

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  for (const input of THESAURI) await saveThesaurus({ store: t.store, actor: OPERATOR, input });
  for (const input of TEMPLATES)
    await saveTemplate({ store: t.store, actor: OPERATOR, input: input as never });
  editor = await loginAs(app, 'editor');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const doc = async (title: string, published = false) =>
  (
    await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: {
        template: 'Document',
        title,
        published,
        metadata: { documentType: 'national-strategy', summary: `${title}.` },
      },
    })
  ).id;
const post = (url: string, payload?: object) =>
  app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: authHeaders(editor),
    ...(payload ? { payload } : {}),
  });
const entity = async (id: string) => (await t.store.entities.findById(id))!;

describe('publish and unpublish', () => {
  it('publishes and unpublishes one entity, each logged with its diff', async () => {
    const id = await doc('Draft strategy');
    const res = await post(`/entities/${id}/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ published: true, version: 2 });
    expect((await post(`/entities/${id}/unpublish`)).json()).toMatchObject({ published: false, version: 3 });
    const log = await t.store.activity.list({ limit: 2, targetId: id });
    expect(log.map((a) => [a.action, a.changes])).toEqual([
      ['unpublish', [{ field: 'published', before: true, after: false }]],
      ['publish', [{ field: 'published', before: false, after: true }]],
    ]);
  });
});

describe('bulk edit', () => {
  it('publishes many, one entry per changed entity, reports the unknown, and is undone by one call', async () => {
    const drafts = [await doc('A'), await doc('B'), await doc('C')];
    const already = await doc('D', true);
    const res = await post('/entities/bulk', {
      ids: [...drafts, already, 'nosuchentity'],
      action: 'publish',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 5, changed: 3, unchanged: 1 });
    expect(body.failed).toEqual([{ id: 'nosuchentity', message: expect.stringContaining('not found') }]);
    expect(body.activityIds).toHaveLength(3);
    for (const id of drafts) {
      expect((await entity(id)).published).toBe(true);
      const log = await t.store.activity.list({ limit: 5, targetId: id });
      expect(log.filter((a) => a.action === 'publish')).toHaveLength(1);
    }
    expect(await t.store.activity.list({ limit: 5, targetId: already })).toHaveLength(1); // its creation

    const undo = await post('/activity/revert', { activityIds: body.activityIds });
    expect(undo.json()).toEqual({ reverted: 3, failed: [] });
    for (const id of drafts) expect((await entity(id)).published).toBe(false);
    expect((await entity(already)).published).toBe(true);
  });

  it('sets one property where the template has it and reports, field by field, where it cannot', async () => {
    const docs = [await doc('E'), await doc('F')];
    const kenya = (
      await createEntity({
        store: t.store,
        actor: OPERATOR,
        input: { template: 'State', title: 'Kenya', metadata: KENYA },
      })
    ).id;
    const res = await post('/entities/bulk', {
      ids: [...docs, kenya],
      action: 'set',
      property: 'issuingBody',
      value: 'Ministry of ICT',
    });
    expect(res.json()).toMatchObject({ total: 3, changed: 2, unchanged: 0 });
    expect(res.json().failed).toEqual([{ id: kenya, message: expect.stringContaining('issuingBody') }]);
    for (const id of docs)
      expect((await entity(id)).metadata).toMatchObject({
        issuingBody: 'Ministry of ICT',
        summary: expect.any(String),
      });
    expect((await entity(kenya)).metadata).toEqual(KENYA);
    const [entry] = await t.store.activity.list({ limit: 1, targetId: docs[0] });
    expect(entry!.changes).toEqual([{ field: 'metadata.issuingBody', after: 'Ministry of ICT' }]);
  });

  it('deletes many', async () => {
    const ids = [await doc('G'), await doc('H')];
    const res = await post('/entities/bulk', { ids, action: 'delete' });
    expect(res.json()).toMatchObject({ total: 2, changed: 2, failed: [] });
    for (const id of ids) expect(await t.store.entities.findById(id)).toBeNull();
  });

  it('commits in batches, reporting progress after each', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) ids.push(await doc(`Batch ${i}`));
    const progress: number[] = [];
    const result = await bulkEditEntities({
      store: t.store,
      actor: OPERATOR,
      input: { ids, action: 'publish' },
      batchSize: 5,
      batchMs: 60_000,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([5, 10, 15, 17]);
    expect(result).toMatchObject({ total: 17, changed: 17, unchanged: 0, failed: [] });
  });

  it('ends a batch early when its time budget is spent, and still handles every entity once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await doc(`Timed ${i}`));
    const progress: number[] = [];
    const result = await bulkEditEntities({
      store: t.store,
      actor: OPERATOR,
      input: { ids, action: 'publish' },
      batchMs: 0, // every batch ends after its first entity
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result).toMatchObject({ total: 6, changed: 6, failed: [] });
    expect(result.activityIds).toHaveLength(6);
  });

  it('refuses set without a property, and collaborators', async () => {
    expect((await post('/entities/bulk', { ids: ['abcdef12'], action: 'set' })).statusCode).toBe(400);
    const collaborator = await loginAs(app, 'collaborator');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/entities/bulk',
      headers: authHeaders(collaborator),
      payload: { ids: ['abcdef12'], action: 'publish' },
    });
    expect(res.statusCode).toBe(403);
  });
});
