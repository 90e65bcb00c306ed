import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import type { Config } from '../config.ts';
import { addUser } from '../operations/add-user.ts';
import { MAX_FAILED_LOGINS } from '../operations/login.ts';
import { OPERATOR } from '../operations/permissions.ts';
import { buildApp } from './app.ts';

const open: { t: TempStore; app: FastifyInstance }[] = [];
afterEach(async () => {
  for (const { t, app } of open.splice(0)) {
    await app.close();
    await t.cleanup();
  }
});

async function portal(overrides: Partial<Config> = {}) {
  const t = await createTempStore(overrides);
  const app = await buildApp({ config: t.config, store: t.store });
  open.push({ t, app });
  const input = buildUser('admin');
  await addUser({ store: t.store, actor: OPERATOR, input });
  return { t, app, admin: input };
}

type Attempt = { username: string; password: string; from?: string; headers?: Record<string, string> };
const signIn = (app: FastifyInstance, a: Attempt, url = '/api/v1/session') =>
  app.inject({
    method: 'POST',
    url,
    remoteAddress: a.from ?? '127.0.0.1',
    headers: a.headers ?? {},
    payload: { username: a.username, password: a.password },
  });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'cp_session');

describe('sign-in lockout through the API', () => {
  it('lets at most the allowed number of 40 parallel guesses be checked; the right password after them is refused', async () => {
    const { t, app, admin } = await portal();
    // Each from its own address, as a spread-out attacker would: the per-address limit does not hide the lock.
    const passwords = [...Array.from({ length: 39 }, (_, i) => `wrong password ${i}`), admin.password];
    const responses = await Promise.all(
      passwords.map((password, i) =>
        signIn(app, {
          username: admin.username,
          password,
          from: `127.0.${Math.floor(i / 200)}.${(i % 200) + 2}`,
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBe(MAX_FAILED_LOGINS);
    expect(statuses.filter((s) => s === 429).length).toBe(40 - MAX_FAILED_LOGINS);
    expect(statuses.at(-1)).toBe(429);
    expect(responses.some((r) => sessionCookie(r))).toBe(false);
    expect(t.store.sqlite.sqlite.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
    expect(Number(responses.at(-1)?.headers['retry-after'])).toBeGreaterThan(800);
  });

  it("keeps the owner's browser signed-in-able while an outsider's guesses lock the account", async () => {
    const { app, admin } = await portal();
    const first = await signIn(app, admin);
    const device = first.cookies.find((c) => c.name === 'cp_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/session' });
    for (let i = 0; i < MAX_FAILED_LOGINS + 2; i++)
      await signIn(app, { username: admin.username, password: 'outsider guess', from: `127.0.1.${i + 2}` });
    expect((await signIn(app, admin)).statusCode).toBe(429);
    const owner = await signIn(app, { ...admin, headers: { cookie: `cp_device=${device?.value}` } });
    expect(owner.statusCode, owner.body).toBe(200);
    expect(sessionCookie(owner)).toBeDefined();
  });
});

describe('per-address limit on POST /session', () => {
  it('refuses an address past its limit with 429 and Retry-After, however the path is spelled, and only that address', async () => {
    const { app } = await portal({ signInAttemptsPerMinute: 3 });
    // Unknown names, so the account lock plays no part.
    const guess = (from: string, url?: string) =>
      signIn(app, { username: `nobody-${Math.random()}`, password: 'a guess at it', from }, url);
    for (let i = 0; i < 3; i++) expect((await guess('127.0.0.2')).statusCode).toBe(401);
    const over = await guess('127.0.0.2');
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await guess('127.0.0.2', '/%61pi/v1/session')).statusCode).toBe(429);
    expect((await guess('127.0.0.3')).statusCode).toBe(401);
  });

  it('counts the client named by X-Forwarded-For only when CYBERPORTAL_TRUST_PROXY is set', async () => {
    for (const trustProxy of [false, true]) {
      const { app } = await portal({ signInAttemptsPerMinute: 2, trustProxy });
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await signIn(app, {
              username: `nobody-${i}`,
              password: 'a guess at it',
              from: '127.0.0.9',
              headers: { 'x-forwarded-for': `127.0.2.${i + 2}` },
            })
          ).statusCode,
        );
      // Behind a trusted proxy each forwarded client has its own count; otherwise the header is ignored.
      expect(statuses, `trustProxy ${trustProxy}`).toEqual(
        trustProxy ? [401, 401, 401, 401] : [401, 401, 429, 429],
      );
    }
  });
});
