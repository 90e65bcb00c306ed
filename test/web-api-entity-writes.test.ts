import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntity } from '../src/operations/create-entity.ts';
import { OPERATOR } from '../src/operations/permissions.ts';
import { saveTemplate } from '../src/operations/save-template.ts';
import { buildApp } from '../src/server/app.ts';
import { ApiError, getSession } from '../src/web/api/client.ts';
import { conflictOf, entityWritesApi } from '../src/web/api/entities.ts';
import { buildEntity, buildTemplate, type Login, loginAs } from './factories.ts';
import { createTempStore, type TempStore } from './temp-store.ts';

/** The web client's entity writes against the real API, signed in as an editor (fetch routed into inject). */
let t: TempStore;
let app: FastifyInstance;
let editor: Login;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  editor = await loginAs(app, 'editor');
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>), cookie: editor.cookie },
      payload: init?.body as string | undefined,
    });
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  }) as typeof fetch;
  await getSession(); // the CSRF token of the editor's session
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await app.close();
  await t.cleanup();
});

describe('entity writes from the web client', () => {
  it('patches, gets the current entity back from a stale write, replaces and reverts', async () => {
    const e = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ title: 'Draft' }) });
    const patched = await entityWritesApi.patch(e.id, { title: 'Strategy', version: 1 });
    expect(patched).toMatchObject({ title: 'Strategy', version: 2, metadata: e.metadata });

    const stale = await entityWritesApi.patch(e.id, { title: 'Other', version: 1 }).catch((x: unknown) => x);
    expect(stale).toBeInstanceOf(ApiError);
    expect(conflictOf(stale)).toEqual(patched);

    const replaced = await entityWritesApi.replace(e.id, {
      title: 'Strategy',
      metadata: { summary: 'Replaced.' },
      version: 2,
    });
    expect(replaced).toMatchObject({ version: 3, metadata: { summary: 'Replaced.' } });

    const [entry] = await t.store.activity.list({ limit: 1, targetId: e.id });
    const reverted = await entityWritesApi.revert(entry!.id);
    expect(reverted).toMatchObject({ version: 4, metadata: e.metadata });
  });

  it('publishes, bulk-edits and undoes the bulk edit', async () => {
    const a = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const b = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    expect(await entityWritesApi.publish(a.id)).toMatchObject({ published: true });
    expect(await entityWritesApi.unpublish(a.id)).toMatchObject({ published: false });
    const bulk = await entityWritesApi.bulk({ ids: [a.id, b.id], action: 'publish' });
    expect(bulk).toMatchObject({ total: 2, changed: 2, failed: [] });
    expect(await entityWritesApi.revertMany(bulk.activityIds)).toEqual({ reverted: 2, failed: [] });
    expect((await t.store.entities.findById(b.id))?.published).toBe(false);
  });
});
