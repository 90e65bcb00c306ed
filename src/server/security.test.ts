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
import { uploadFile } from '../operations/upload-file.ts';
import { buildApp } from './app.ts';

let t: TempStore;
let app: FastifyInstance;
let editor: Login;
let admin: Login;
beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate() });
  editor = await loginAs(app, 'editor');
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const entityCount = async () =>
  (await t.store.entities.list({ limit: 500, offset: 0, sort: 'title', publishedOnly: false })).total;

describe('CSRF', () => {
  it.each([
    ['missing', undefined],
    ['wrong', 'not-the-token'],
  ])(
    'refuses a signed-in write with a %s x-csrf-token (403 problem) and writes nothing',
    async (_, token) => {
      const before = await entityCount();
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/entities',
        headers: { cookie: editor.cookie, ...(token ? { 'x-csrf-token': token } : {}) },
        payload: buildEntity(),
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toMatch(/CSRF/);
      expect(await entityCount()).toBe(before);
    },
  );

  it("refuses another session's token", async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: editor.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(res.statusCode).toBe(403);
  });

  // The check was a prefix test on the raw URL; Fastify routes the decoded path, so these reached the routes.
  it.each([
    ['POST', '/%61pi/v1/entities'],
    ['POST', '/api/v1/%65ntities'],
    ['POST', '/%61%70%69/v1/entities'],
    ['PATCH', '/%61pi/v1/entities/{id}'],
    ['DELETE', '/%61pi/v1/entities/{id}'],
    ['POST', '/%61pi/v1/users'],
  ] as const)('refuses %s %s without the token however the path is spelled', async (method, path) => {
    const target = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const before = await entityCount();
    const usersBefore = (await t.store.users.list()).length;
    const res = await app.inject({
      method,
      url: path.replace('{id}', target.id),
      headers: { cookie: admin.cookie },
      payload: path.endsWith('users')
        ? buildUser('admin')
        : method === 'PATCH'
          ? { published: true, title: 'Hijacked' }
          : buildEntity({ published: true }),
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(await entityCount()).toBe(before);
    expect((await t.store.users.list()).length).toBe(usersBefore);
    expect((await t.store.entities.findById(target.id))?.title).toBe(target.title);
  });

  it('refuses a file version sent to a percent-encoded path without the token', async () => {
    const target = await createEntity({ store: t.store, actor: OPERATOR, input: buildEntity() });
    const file = await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: target.id,
      filename: 'a.txt',
      content: Buffer.from('original'),
    });
    const body = multipartBody('b.txt', 'replaced');
    const res = await app.inject({
      method: 'POST',
      url: `/%61pi/v1/files/${file.id}/versions`,
      headers: { cookie: editor.cookie, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(403);
    expect((await t.store.files.findById(file.id))?.storageKey).toBe(file.storageKey);
  });

  it('still signs in through a percent-encoded path without a token (signing in has no session yet)', async () => {
    const input = buildUser('collaborator');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const res = await app.inject({
      method: 'POST',
      url: '/%61pi/v1/session',
      headers: { cookie: editor.cookie },
      payload: { username: input.username, password: input.password },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('accepts the matching token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: authHeaders(editor),
      payload: buildEntity(),
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('who may call a route is decided before the body is validated', () => {
  it.each([
    ['POST', '/api/v1/entities', { title: 'x' }],
    ['PATCH', '/api/v1/entities/nope', { published: 'yes' }],
    ['POST', '/api/v1/templates', { name: '' }],
    ['POST', '/api/v1/users', { role: 'emperor' }],
  ] as const)(
    'answers an anonymous %s %s with an invalid body 401, not the schema',
    async (method, url, body) => {
      const res = await app.inject({ method, url, payload: body });
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().errors).toBeUndefined();
    },
  );

  it('answers an anonymous admin read with a bad query 401, not the schema', async () => {
    const res = await app.inject({ url: '/api/v1/activity?limit=banana' });
    expect(res.statusCode, res.body).toBe(401);
  });

  it('answers an editor sending an invalid body to an admin route 403, not the schema', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/templates',
      headers: authHeaders(editor),
      payload: { name: '' },
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().errors).toBeUndefined();
  });

  it('refuses an anonymous upload before reading it', async () => {
    const body = multipartBody('a.txt', 'x'.repeat(1000));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/entities/whatever/files',
      headers: body.headers,
      payload: body.payload,
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('restricted entities', () => {
  it('are a 404 to anonymous readers, with their files, and missing from lists', async () => {
    const hidden = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: false }),
    });
    const shown = await createEntity({
      store: t.store,
      actor: OPERATOR,
      input: buildEntity({ published: true }),
    });
    const file = await uploadFile({
      store: t.store,
      actor: OPERATOR,
      entityId: hidden.id,
      filename: 'a.txt',
      content: Buffer.from('secret'),
    });
    for (const url of [
      `/api/v1/entities/${hidden.id}`,
      `/api/v1/entities/${hidden.id}/view`,
      `/api/v1/files/${file.id}`,
      `/api/v1/files/${file.id}/download`,
      `/api/v1/files/${file.id}/pages`,
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain(hidden.title);
      expect(res.body).not.toContain('secret');
    }
    const list = (await app.inject({ url: '/api/v1/entities?limit=500' })).json();
    expect(list.items.map((e: { id: string }) => e.id)).toContain(shown.id);
    expect(list.items.every((e: { published: boolean }) => e.published)).toBe(true);
    const signedIn = (
      await app.inject({ url: '/api/v1/entities?limit=500', headers: { cookie: editor.cookie } })
    ).json();
    expect(signedIn.items.map((e: { id: string }) => e.id)).toContain(hidden.id);
  });
});

describe('sessions and accounts', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie (Secure only behind TLS) and never shows password hashes', async () => {
    const input = buildUser('collaborator');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: input });
    const cookie = res.cookies.find((c) => c.name === 'cp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(res.json()).toMatchObject({ user: { username: input.username }, csrfToken: expect.any(String) });
    const users = await app.inject({ url: '/api/v1/users', headers: { cookie: admin.cookie } });
    expect(users.statusCode).toBe(200);
    // `passwordSet` (a yes/no an admin needs) is the one key allowed to name the password.
    const hashes = /scrypt|"password(_?hash)?"|password_hash/i;
    expect(users.body).not.toMatch(hashes);
    expect(users.body.replaceAll('"passwordSet"', '')).not.toMatch(/password/i);
    expect(res.body).not.toMatch(hashes);
    expect(res.body.replaceAll('"passwordSet"', '')).not.toMatch(/password/i);
  });

  it('locks an account after 5 failed logins with 429 and Retry-After, and says the same for unknown users', async () => {
    const input = buildUser('editor');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const tryLogin = (username: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
    for (const name of [input.username, 'nobody-at-all']) {
      for (let i = 0; i < 5; i++) {
        const res = await tryLogin(name, 'wrong password!');
        expect(res.statusCode).toBe(401);
        expect(res.json().detail).toBe('Wrong username or password');
      }
    }
    const locked = await tryLogin(input.username, input.password);
    const ghost = await tryLogin('nobody-at-all', 'anything at all');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(ghost.statusCode).toBe(429);
    expect(ghost.json().detail).toBe(locked.json().detail);
  });

  it('signs out: the old cookie no longer works', async () => {
    const login = await loginAs(app, 'editor');
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: authHeaders(login) });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/v1/session', headers: { cookie: login.cookie } });
    expect(after.json()).toEqual({ user: null, csrfToken: null });
  });
});

describe('activity log', () => {
  it('records who did what for writes made through the API', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: authHeaders(editor),
      payload: buildEntity({ title: 'Logged entity' }),
    });
    const id = res.json().id;
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/entities/${id}`,
      headers: authHeaders(editor),
      payload: { title: 'Renamed' },
    });
    await app.inject({ method: 'DELETE', url: `/api/v1/entities/${id}`, headers: authHeaders(editor) });
    const log = (
      await app.inject({ url: `/api/v1/activity?targetId=${id}`, headers: { cookie: admin.cookie } })
    ).json();
    expect(log.items.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
    for (const a of log.items)
      expect(a).toMatchObject({ userId: editor.userId, username: editor.username, at: expect.any(String) });
    expect(log.items[1].summary).toBe('Updated Document "Renamed": title');
  });
});

describe('errors and headers', () => {
  it('turns schema validation errors into problem+json naming each field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: authHeaders(editor),
      payload: { template: 'Document', title: '', language: 'english' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['language', 'title']);
    const query = await app.inject({ url: '/api/v1/entities?limit=0' });
    expect(query.json().errors).toEqual([
      {
        path: 'query.limit',
        message: expect.any(String),
        code: 'zod.too_small',
        params: { origin: 'number', minimum: 1 },
      },
    ]);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { ...authHeaders(editor), 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends security headers with a CSP that allows own scripts, workers and blob:', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
