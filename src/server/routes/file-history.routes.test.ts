import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  buildEntity,
  buildTemplate,
  type Login,
  loginAs,
  multipartBody,
} from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import type { FileVersion } from '../../domain/schemas/file.ts';
import { createEntity } from '../../operations/create-entity.ts';
import { deleteEntity } from '../../operations/delete-entity.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { sweepStrayFiles } from '../../operations/sweep-stray-files.ts';
import { buildApp } from '../app.ts';

let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  collaborator = await loginAs(app, 'collaborator');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const entity = async (published: boolean) =>
  (await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ published }) })).id;

const send = (url: string, name: string, text: string) => {
  const body = multipartBody(name, text, { type: 'text/plain' });
  return app.inject({
    method: 'POST',
    url,
    headers: { ...authHeaders(collaborator), ...body.headers },
    payload: body.payload,
  });
};

/** A file with three originals: the first upload and two new versions, each with its own text. */
async function fileWithThreeVersions(published = true) {
  const entityId = await entity(published);
  const first = await send(`/api/v1/entities/${entityId}/files`, 'strategy-2019.txt', 'First text, 2019.');
  expect(first.statusCode, first.body).toBe(202);
  const id = first.json().id as string;
  for (const [name, text] of [
    ['strategy-2022.txt', 'Second text, 2022, longer.'],
    ['strategy-2025.txt', 'Third text, 2025, the longest one.'],
  ] as const) {
    const res = await send(`/api/v1/files/${id}/versions`, name, text);
    expect(res.statusCode, res.body).toBe(202);
  }
  return { entityId, id };
}

describe('file version history', () => {
  it('lists every original newest first, and each download gives back exactly the bytes of its version', async () => {
    const { id } = await fileWithThreeVersions();
    const res = await app.inject({ url: `/api/v1/files/${id}/versions` });
    expect(res.statusCode, res.body).toBe(200);
    const versions = res.json() as FileVersion[];
    expect(versions.map((v) => [v.version, v.current, v.filename])).toEqual([
      [3, true, 'strategy-2025.txt'],
      [2, false, 'strategy-2022.txt'],
      [1, false, 'strategy-2019.txt'],
    ]);
    expect(versions.map((v) => v.size)).toEqual([34, 26, 17]);
    // Each version was uploaded when the one before it was replaced.
    expect(versions[1]!.replacedAt).toBe(versions[0]!.uploadedAt);
    expect(versions[2]!.replacedAt).toBe(versions[1]!.uploadedAt);
    expect(versions[0]!.replacedAt).toBeNull();

    const texts: string[] = [];
    for (const v of versions) {
      const download = await app.inject({ url: v.downloadUrl });
      expect(download.statusCode, v.downloadUrl).toBe(200);
      expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(download.headers['content-disposition']).toContain(v.filename);
      texts.push(download.body);
    }
    expect(texts).toEqual([
      'Third text, 2025, the longest one.',
      'Second text, 2022, longer.',
      'First text, 2019.',
    ]);
    // The current one is also reachable by its number.
    const third = await app.inject({ url: `/api/v1/files/${id}/versions/3/download` });
    expect(third.body).toBe('Third text, 2025, the longest one.');
  });

  it('answers 404 for a version that does not exist and for a file its reader may not see', async () => {
    const { id } = await fileWithThreeVersions(false);
    expect((await app.inject({ url: `/api/v1/files/${id}/versions/4/download` })).statusCode).toBe(404);
    // Unpublished: anonymous readers learn nothing of it or its history.
    expect((await app.inject({ url: `/api/v1/files/${id}/versions` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/files/${id}/versions/1/download` })).statusCode).toBe(404);
    const signedIn = await app.inject({
      url: `/api/v1/files/${id}/versions/1/download`,
      headers: authHeaders(collaborator),
    });
    expect(signedIn.body).toBe('First text, 2019.');
    expect((await app.inject({ url: `/api/v1/files/${id}/versions/0/download` })).statusCode).toBe(400);
  });

  it('keeps earlier versions through the stray-file sweep, and deleting the entity removes every version’s bytes', async () => {
    const { entityId, id } = await fileWithThreeVersions();
    const keys = [
      (await t.store.files.findById(id))!.storageKey,
      ...(await t.store.files.listVersions(id)).map((v) => v.storageKey),
    ];
    expect(new Set(keys).size).toBe(3);
    // Long after: the sweep removes only bytes nobody points at; the earlier versions are pointed at.
    await sweepStrayFiles({ store: t.store, graceMs: 0, now: Date.now() + 60_000 });
    for (const k of keys) expect(await t.store.originals.sizeOf(k)).not.toBeNull();

    await deleteEntity({ store: t.store, actor: OPERATOR, id: entityId });
    for (const k of keys) expect(await t.store.originals.sizeOf(k)).toBeNull();
    expect(await t.store.files.listVersions(id)).toEqual([]);
  });
});
