import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  buildEntity,
  buildTemplate,
  buildUser,
  type Login,
  loginAs,
  multipartBody,
} from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { addUser } from '../operations/add-user.ts';
import { createEntity } from '../operations/create-entity.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { saveTemplate } from '../operations/save-template.ts';
import { saveThesaurus } from '../operations/save-thesaurus.ts';
import { uploadFile } from '../operations/upload-file.ts';
import { buildApp, routesOf } from './app.ts';

type Who = 'anonymous' | 'collaborator' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'collaborator', 'editor', 'admin'];

type Fixture = {
  published: string;
  restricted: string;
  publishedFile: string;
  restrictedFile: string;
  loginUser: { username: string; password: string };
};

type Case = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as registered, to check that every route has a row. */
  route: string;
  /** The concrete URL; async so destructive rows can make a fresh target per call. */
  url: (fx: Fixture) => string | Promise<string>;
  body?: (fx: Fixture) => unknown;
  multipart?: boolean;
  /** Expected status for anonymous, collaborator, editor, admin. */
  expect: [number, number, number, number];
  note?: string;
};

const unique = () => Math.random().toString(36).slice(2, 8);
const ALL_OK = (s: number): [number, number, number, number] => [s, s, s, s];
const ADMIN_ONLY = (s: number): [number, number, number, number] => [401, 403, 403, s];

let t: TempStore;
let app: FastifyInstance;
let fx: Fixture;
const logins = {} as Record<Exclude<Who, 'anonymous'>, Login>;

const freshEntity = async (published = true) =>
  (await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity({ published }) })).id;

const CASES: Case[] = [
  { method: 'GET', route: '/api/v1/health', url: () => '/api/v1/health', expect: ALL_OK(200) },
  { method: 'GET', route: '/api/v1/session', url: () => '/api/v1/session', expect: ALL_OK(200) },
  {
    method: 'POST',
    route: '/api/v1/session',
    url: () => '/api/v1/session',
    body: (f) => f.loginUser,
    expect: ALL_OK(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/session',
    url: () => '/api/v1/session',
    expect: ALL_OK(204),
    note: 'fresh login',
  },
  { method: 'GET', route: '/api/v1/templates', url: () => '/api/v1/templates', expect: ALL_OK(200) },
  {
    method: 'GET',
    route: '/api/v1/templates/:name',
    url: () => '/api/v1/templates/Document',
    expect: ALL_OK(200),
  },
  {
    method: 'POST',
    route: '/api/v1/templates',
    url: () => '/api/v1/templates',
    body: () => buildTemplate({ name: `T${unique()}`, properties: [] }),
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'PUT',
    route: '/api/v1/templates/:name',
    url: () => '/api/v1/templates/Document',
    body: () => buildTemplate({ label: `Document ${unique()}` }),
    expect: ADMIN_ONLY(200),
  },
  { method: 'GET', route: '/api/v1/thesauri', url: () => '/api/v1/thesauri', expect: ALL_OK(200) },
  {
    method: 'GET',
    route: '/api/v1/thesauri/:name',
    url: () => '/api/v1/thesauri/regions',
    expect: ALL_OK(200),
  },
  {
    method: 'POST',
    route: '/api/v1/thesauri',
    url: () => '/api/v1/thesauri',
    body: () => ({ name: `t${unique()}`, label: 'T', values: [] }),
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'PUT',
    route: '/api/v1/thesauri/:name',
    url: () => '/api/v1/thesauri/regions',
    body: () => ({ name: 'regions', label: 'Regions', values: [{ id: 'africa', label: 'Africa' }] }),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'GET',
    route: '/api/v1/relation-types',
    url: () => '/api/v1/relation-types',
    expect: ALL_OK(200),
  },
  {
    method: 'POST',
    route: '/api/v1/relation-types',
    url: () => '/api/v1/relation-types',
    body: () => ({ name: `responds-${unique()}`, label: 'responds to', inverseLabel: 'answered by' }),
    expect: ADMIN_ONLY(201),
  },
  { method: 'GET', route: '/api/v1/entities', url: () => '/api/v1/entities', expect: ALL_OK(200) },
  {
    method: 'GET',
    route: '/api/v1/entities/:id',
    url: (f) => `/api/v1/entities/${f.published}`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id',
    url: (f) => `/api/v1/entities/${f.restricted}`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/view',
    url: (f) => `/api/v1/entities/${f.published}/view`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/entities/:id/view',
    url: (f) => `/api/v1/entities/${f.restricted}/view`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'POST',
    route: '/api/v1/entities',
    url: () => '/api/v1/entities',
    body: () => buildEntity(),
    expect: [401, 201, 201, 201],
  },
  {
    method: 'POST',
    route: '/api/v1/entities',
    url: () => '/api/v1/entities',
    body: () => buildEntity({ published: true }),
    expect: [401, 403, 201, 201],
    note: 'published',
  },
  {
    method: 'PATCH',
    route: '/api/v1/entities/:id',
    url: (f) => `/api/v1/entities/${f.restricted}`,
    body: () => ({ title: `Renamed ${unique()}` }),
    expect: [401, 200, 200, 200],
  },
  {
    method: 'PATCH',
    route: '/api/v1/entities/:id',
    url: async () => `/api/v1/entities/${await freshEntity(false)}`,
    body: () => ({ published: true }),
    expect: [401, 403, 200, 200],
    note: 'publish',
  },
  {
    method: 'DELETE',
    route: '/api/v1/entities/:id',
    url: async () => `/api/v1/entities/${await freshEntity()}`,
    expect: [401, 403, 204, 204],
  },
  {
    method: 'POST',
    route: '/api/v1/entities/:id/files',
    url: (f) => `/api/v1/entities/${f.published}/files`,
    multipart: true,
    expect: [401, 202, 202, 202],
  },
  {
    method: 'POST',
    route: '/api/v1/files/:id/versions',
    url: (f) => `/api/v1/files/${f.restrictedFile}/versions`,
    multipart: true,
    expect: [401, 202, 202, 202],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id',
    url: (f) => `/api/v1/files/${f.publishedFile}`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id',
    url: (f) => `/api/v1/files/${f.restrictedFile}`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/download',
    url: (f) => `/api/v1/files/${f.publishedFile}/download`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/download',
    url: (f) => `/api/v1/files/${f.restrictedFile}/download`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/pages',
    url: (f) => `/api/v1/files/${f.publishedFile}/pages`,
    expect: ALL_OK(200),
  },
  {
    method: 'GET',
    route: '/api/v1/files/:id/paragraphs',
    url: (f) => `/api/v1/files/${f.restrictedFile}/paragraphs`,
    expect: [404, 200, 200, 200],
    note: 'restricted',
  },
  { method: 'GET', route: '/api/v1/users', url: () => '/api/v1/users', expect: ADMIN_ONLY(200) },
  {
    method: 'POST',
    route: '/api/v1/users',
    url: () => '/api/v1/users',
    body: () => buildUser('collaborator'),
    expect: ADMIN_ONLY(201),
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:id',
    url: async () =>
      `/api/v1/users/${(await addUser({ store: t.store, actor: OPERATOR, input: buildUser('collaborator') })).id}`,
    body: () => ({ role: 'editor' }),
    expect: ADMIN_ONLY(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/users/:id',
    url: async () =>
      `/api/v1/users/${(await addUser({ store: t.store, actor: OPERATOR, input: buildUser('collaborator') })).id}`,
    expect: ADMIN_ONLY(204),
  },
  { method: 'GET', route: '/api/v1/activity', url: () => '/api/v1/activity', expect: ADMIN_ONLY(200) },
];

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  await saveThesaurus({
    store: t.store,
    actor: OPERATOR,
    input: { name: 'regions', label: 'Regions', values: [{ id: 'africa', label: 'Africa' }] },
  });
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  const published = await freshEntity(true);
  const restricted = await freshEntity(false);
  const upload = async (entityId: string) =>
    (
      await uploadFile({
        store: t.store,
        actor: OPERATOR,
        entityId,
        filename: 'a.txt',
        content: Buffer.from('Hello'),
      })
    ).id;
  const loginUser = buildUser('collaborator');
  await addUser({ store: t.store, actor: OPERATOR, input: loginUser });
  fx = {
    published,
    restricted,
    publishedFile: await upload(published),
    restrictedFile: await upload(restricted),
    loginUser: { username: loginUser.username, password: loginUser.password },
  };
  for (const role of ['collaborator', 'editor', 'admin'] as const) logins[role] = await loginAs(app, role);
});

afterAll(async () => {
  await app.close();
  await t.cleanup();
});

describe('permissions on every route', () => {
  it('has a matrix row for every registered /api/v1 route', () => {
    const covered = new Set(CASES.map((c) => `${c.method} ${c.route}`));
    const missing = routesOf(app)
      .filter((r) => r.url.startsWith('/api/v1'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });

  const rows = CASES.flatMap((c) => WHO.map((who, i) => ({ ...c, who, status: c.expect[i]! })));
  it.each(rows)('$method $route $note as $who → $status', async (c) => {
    let headers: Record<string, string> = {};
    if (c.who !== 'anonymous') {
      // Signing out ends the session, so that row gets a session of its own.
      const login =
        c.method === 'DELETE' && c.route === '/api/v1/session' ? await loginAs(app, c.who) : logins[c.who];
      headers = authHeaders(login);
    }
    let payload: unknown = c.body?.(fx);
    if (c.multipart) {
      // Different bytes each time: the same bytes twice are refused as a duplicate (409).
      const body = multipartBody('note.txt', `Some text ${unique()}`);
      payload = body.payload;
      headers = { ...headers, ...body.headers };
    }
    const res = await app.inject({
      method: c.method,
      url: await c.url(fx),
      headers,
      payload: payload as string,
    });
    expect(res.statusCode, res.body).toBe(c.status);
    if (c.status >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
