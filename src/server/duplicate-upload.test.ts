import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  buildEntity,
  buildTemplate,
  type Login,
  loginAs,
  multipartBody,
} from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { DuplicateFileProblem } from '../domain/schemas/file.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { buildApp } from './app.ts';

let t: TempStore;
let app: FastifyInstance;
let collaborator: Login;
let first: string;
let second: string;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  first = (
    await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ title: 'First strategy' }) })
  ).id;
  second = (await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ title: 'Second' }) }))
    .id;
  collaborator = await loginAs(app, 'collaborator');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const upload = (entityId: string, name: string, content: string, query = '') => {
  const body = multipartBody(name, content);
  return app.inject({
    method: 'POST',
    url: `/api/v1/entities/${entityId}/files${query}`,
    headers: { ...authHeaders(collaborator), ...body.headers },
    payload: body.payload,
  });
};
const originalsOnDisk = () =>
  readdirSync(join(t.dataDir, 'files'), { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && !e.parentPath.endsWith('tmp'),
  ).length;

describe('uploading a file that is already in the collection', () => {
  const text = 'The national cyber strategy, adopted in 2024.';

  it('answers 409 with the existing file and entity, and stores nothing', async () => {
    const original = await upload(first, 'strategy.txt', text);
    expect(original.statusCode, original.body).toBe(202);
    const files = (await t.store.files.listByEntity(second)).length;
    const onDisk = originalsOnDisk();

    const res = await upload(second, 'copy of strategy.txt', text);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = DuplicateFileProblem.parse(res.json());
    // The web app words the refusal from these in the reader's language (decision 64).
    expect([problem.code, problem.params]).toEqual([
      'duplicateFile',
      { file: 'strategy.txt', title: 'First strategy' },
    ]);
    expect(problem.duplicateOf).toEqual({
      fileId: original.json().id,
      entityId: first,
      entityTitle: 'First strategy',
      filename: 'strategy.txt',
      link: `/documents/${first}?file=${original.json().id}`,
    });
    expect(problem.detail).toMatch(/already in the collection as "strategy.txt" of "First strategy"/);
    expect(problem.detail).toMatch(/duplicate=allow/);
    expect((await t.store.files.listByEntity(second)).length).toBe(files);
    expect(originalsOnDisk()).toBe(onDisk);
  });

  it('stores the copy when asked to with ?duplicate=allow', async () => {
    const res = await upload(second, 'copy.txt', text, '?duplicate=allow');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ entityId: second, filename: 'copy.txt' });
  });

  it('takes a different file as usual', async () => {
    expect((await upload(second, 'other.txt', `${text} Amended.`)).statusCode).toBe(202);
  });

  it('refuses an unknown value of "duplicate"', async () => {
    expect((await upload(second, 'x.txt', 'x', '?duplicate=maybe')).statusCode).toBe(400);
  });
});
