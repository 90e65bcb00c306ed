import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, buildTemplate, buildUser, type Login, loginAs } from '../../../test/factories.ts';
import { createTempStore, type TempStore } from '../../../test/temp-store.ts';
import { DEFAULT_SITE_SETTINGS } from '../../domain/schemas/site.ts';
import { addUser } from '../../operations/add-user.ts';
import { MUST_RESET_PASSWORD } from '../../operations/import-uwazi/import-accounts.ts';
import { OPERATOR } from '../../operations/permissions.ts';
import { saveTemplate } from '../../operations/save-template.ts';
import { newId, nowIso } from '../../store/ids.ts';
import { buildApp } from '../app.ts';

let t: TempStore;
let app: FastifyInstance;
let admin: Login;

beforeAll(async () => {
  t = await createTempStore();
  app = await buildApp({ config: t.config, store: t.store });
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
  await t.cleanup();
});

const signIn = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
const whoAmI = (cookie: string) =>
  app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } }).then((r) => r.json().user);
const patchUser = (id: string, payload: Record<string, unknown>, by = admin) =>
  app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: authHeaders(by), payload });
const resetLink = (id: string, by = admin) =>
  app.inject({ method: 'POST', url: `/api/v1/users/${id}/reset-link`, headers: authHeaders(by) });
const useLink = (token: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { token, password } });

async function account(role: 'editor' | 'admin' = 'editor') {
  const input = buildUser(role);
  const user = await addUser({ store: t.store, actor: OPERATOR, input });
  return { ...input, id: user.id };
}

describe('disabling an account', () => {
  it('refuses its sign-in, ends its sessions, and lets it in again once enabled', async () => {
    const u = await account();
    const first = await signIn(u.username, u.password);
    expect(first.statusCode).toBe(200);
    const cookie = `cp_session=${first.cookies.find((c) => c.name === 'cp_session')!.value}`;
    expect((await whoAmI(cookie)).lastSignInAt).toEqual(expect.any(String));

    const disabled = await patchUser(u.id, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).toEqual(expect.any(String));
    expect(await whoAmI(cookie)).toBeNull(); // the open session ended

    const refused = await signIn(u.username, u.password);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/disabled/);
    // A wrong password is told nothing more than any wrong password.
    const wrong = await signIn(u.username, 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).not.toMatch(/disabled/);

    expect((await patchUser(u.id, { disabled: false })).json().disabledAt).toBeNull();
    expect((await signIn(u.username, u.password)).statusCode).toBe(200);
    const actions = (await t.store.activity.list({ limit: 10, targetId: u.id })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['disable', 'enable']));
  });

  it('refuses an admin disabling their own account', async () => {
    const self = await patchUser(admin.userId, { disabled: true });
    expect(self.statusCode).toBe(409);
    expect((await t.store.users.findById(admin.userId))?.disabledAt).toBeNull();
  });

  it('lists last sign-in and whether an account has a password', async () => {
    const imported = newId();
    await t.store.users.insert({
      id: imported,
      username: `imported-${newId(6)}`,
      passwordHash: MUST_RESET_PASSWORD,
      role: 'editor',
      at: nowIso(),
    });
    const users = (
      await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin.cookie } })
    ).json() as { id: string; passwordSet: boolean; lastSignInAt: string | null }[];
    expect(users.find((u) => u.id === imported)).toMatchObject({ passwordSet: false, lastSignInAt: null });
    expect(users.find((u) => u.id === admin.userId)).toMatchObject({ passwordSet: true });
    expect(users.find((u) => u.id === admin.userId)?.lastSignInAt).toEqual(expect.any(String));
  });
});

describe('password-reset links', () => {
  it('work once, set the password, end the sessions and are logged', async () => {
    const u = await account();
    const before = await signIn(u.username, u.password);
    const cookie = `cp_session=${before.cookies.find((c) => c.name === 'cp_session')!.value}`;
    const link = await resetLink(u.id);
    expect(link.statusCode).toBe(201);
    const { token, expiresAt, username } = link.json();
    expect(username).toBe(u.username);
    const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    // Only the hash is stored.
    expect(JSON.stringify(await t.store.passwordResets.findUsable(token, nowIso()))).toBe('null');

    const check = await app.inject({
      method: 'POST',
      url: '/api/v1/password-reset/check',
      payload: { token },
    });
    expect(check.json()).toEqual({ username: u.username, expiresAt });
    expect((await useLink(token, 'short')).statusCode).toBe(400);
    const used = await useLink(token, 'a brand new passphrase');
    expect(used.statusCode).toBe(200);
    expect(await whoAmI(cookie)).toBeNull();
    expect((await signIn(u.username, u.password)).statusCode).toBe(401);
    expect((await signIn(u.username, 'a brand new passphrase')).statusCode).toBe(200);
    // Single use.
    expect((await useLink(token, 'yet another passphrase')).statusCode).toBe(404);
    const [entry] = await t.store.activity.list({ limit: 1, targetId: u.id, action: 'password-reset' });
    expect(entry).toMatchObject({ action: 'password-reset', username: u.username });
  });

  it('gives an imported account without a password its first one', async () => {
    const id = newId();
    const username = `uwazi-${newId(6)}`;
    await t.store.users.insert({
      id,
      username,
      passwordHash: MUST_RESET_PASSWORD,
      role: 'editor',
      at: nowIso(),
    });
    expect((await signIn(username, MUST_RESET_PASSWORD)).statusCode).toBe(401);
    const { token } = (await resetLink(id)).json();
    expect((await useLink(token, 'my first real password')).statusCode).toBe(200);
    expect((await signIn(username, 'my first real password')).statusCode).toBe(200);
  });

  it('stop working when expired, replaced by a newer link, or the account is disabled', async () => {
    const u = await account();
    const old = (await resetLink(u.id)).json().token;
    const newer = (await resetLink(u.id)).json().token;
    expect((await useLink(old, 'a brand new passphrase')).statusCode).toBe(404);

    const expired = newer;
    await t.store.passwordResets.revokeForUser(u.id);
    expect((await useLink(expired, 'a brand new passphrase')).statusCode).toBe(404);

    const last = (await resetLink(u.id)).json().token;
    await patchUser(u.id, { disabled: true });
    expect((await useLink(last, 'a brand new passphrase')).statusCode).toBe(404);
    expect((await resetLink(u.id)).statusCode).toBe(409);
    expect((await signIn(u.username, u.password)).statusCode).toBe(403);
  });

  it('expire after 24 hours', async () => {
    const u = await account();
    const { createPasswordResetLink, resetPasswordWithLink } = await import(
      '../../operations/password-reset-links.ts'
    );
    const issued = await createPasswordResetLink({
      store: t.store,
      actor: OPERATOR,
      userId: u.id,
      now: new Date(Date.now() - 25 * 3_600_000),
    });
    await expect(
      resetPasswordWithLink({
        store: t.store,
        input: { token: issued.token, password: 'a brand new passphrase' },
      }),
    ).rejects.toThrow(/was not found/);
  });

  it('refuse a malformed token before looking it up', async () => {
    expect((await useLink('../../etc', 'a brand new passphrase')).statusCode).toBe(400);
  });
});

describe('site settings', () => {
  it('answers the defaults, then what an admin saved, with a logged diff', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/site' })).json()).toEqual(DEFAULT_SITE_SETTINGS);
    for (const name of ['Body', 'Report'])
      await saveTemplate({ store: t.store, actor: OPERATOR, input: buildTemplate({ name, label: name }) });
    const m49 = {
      name: 'm49',
      label: 'M49 code',
      type: 'text' as const,
      required: false,
      filterable: false,
      showInCard: false,
    };
    const country = buildTemplate({ name: 'Country', label: 'Country', properties: [m49] });
    await saveTemplate({ store: t.store, actor: OPERATOR, input: country });
    const next = {
      name: 'Cyber Norms Observatory',
      contactEmail: 'team@example.org',
      footerText: 'Maintained by the secretariat.',
      stateTemplate: 'Country',
      organisationTemplate: 'Body',
      documentTemplate: 'Report',
      isoNumericProperty: 'm49',
    };
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/site',
      headers: authHeaders(admin),
      payload: next,
    });
    expect(put.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/site' })).json()).toEqual(next);
    const [entry] = await t.store.activity.list({ limit: 1, action: 'update' });
    expect(entry).toMatchObject({ targetType: 'site' });
    expect(entry!.changes).toContainEqual({ field: 'name', before: 'Cyber Policy Portal', after: next.name });
    expect(entry!.changes).toContainEqual({ field: 'documentTemplate', before: 'Document', after: 'Report' });
    expect(entry!.changes).toContainEqual({
      field: 'isoNumericProperty',
      before: 'isoNumeric',
      after: 'm49',
    });
  });

  it('refuses a document template that is missing or a profile template, and an ISO property the State lacks', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/v1/site' })).json();
    const put = (payload: object) =>
      app.inject({ method: 'PUT', url: '/api/v1/site', headers: authHeaders(admin), payload });
    const paths = async (payload: object) => {
      const res = await put(payload);
      expect(res.statusCode).toBe(400);
      return res.json().errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`);
    };
    expect(await paths({ ...before, documentTemplate: 'Memo' })).toEqual([
      'documentTemplate: there is no template "Memo"',
    ]);
    expect(await paths({ ...before, documentTemplate: before.stateTemplate })).toEqual([
      'documentTemplate: must differ from the profile templates',
    ]);
    expect(await paths({ ...before, isoNumericProperty: 'iso2' })).toEqual([
      `isoNumericProperty: the template "${before.stateTemplate}" has no property "iso2"`,
    ]);
    // Without an ISO property the map draws no state; that is allowed (a collection that has no codes).
    expect((await put({ ...before, isoNumericProperty: '' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/site' })).json()).toMatchObject({
      documentTemplate: 'Report',
      isoNumericProperty: '',
    });
    expect((await put(before)).statusCode).toBe(200);
  });

  it('refuses unknown or equal profile templates and a bad address, field by field, changing nothing', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/v1/site' })).json();
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/site',
      headers: authHeaders(admin),
      payload: { ...before, stateTemplate: 'Nope', organisationTemplate: 'Nope' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['stateTemplate', 'organisationTemplate']),
    );
    const email = await app.inject({
      method: 'PUT',
      url: '/api/v1/site',
      headers: authHeaders(admin),
      payload: { ...before, contactEmail: 'not an address' },
    });
    expect(email.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/site' })).json()).toEqual(before);
  });
});
