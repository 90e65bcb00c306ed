import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { addUser } from './add-user.ts';
import { Locked, Unauthorized } from './errors.ts';
import { LOCKOUT_MS, login, MAX_FAILED_LOGINS } from './login.ts';
import { hashPassword } from './passwords.ts';
import { OPERATOR } from './permissions.ts';
import { resolveSession } from './resolve-session.ts';

let t: TempStore;
beforeEach(async () => {
  t = await createTempStore();
});
afterEach(() => t.cleanup());

const attempt = (username: string, password: string, now: Date) =>
  login({ store: t.store, username, password, now }).catch((e: unknown) => e);

describe('login', () => {
  it('opens a session whose token resolves to the user and is stored only as a hash', async () => {
    const input = buildUser('editor');
    // The real cost (vitest.config.ts lowers it for the other tests; passwords.ts).
    vi.stubEnv('CYBERPORTAL_TEST_SCRYPT_N', '');
    const user = await addUser({ store: t.store, actor: OPERATOR, input }).finally(() => vi.unstubAllEnvs());
    const result = await login({
      store: t.store,
      username: input.username.toUpperCase(),
      password: input.password,
    });
    expect(result.user.id).toBe(user.id);
    const session = await resolveSession({ store: t.store, token: result.token });
    expect(session?.actor).toEqual({ id: user.id, username: input.username, role: 'editor' });
    expect(session?.csrfToken).toBe(result.csrfToken);
    const raw = t.store.sqlite.sqlite.prepare('SELECT id FROM sessions').all() as { id: string }[];
    expect(raw.map((r) => r.id)).not.toContain(result.token);
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('hashes at the real cost outside the test runner, whatever CYBERPORTAL_TEST_SCRYPT_N says', async () => {
    vi.stubEnv('VITEST', '');
    try {
      expect(await hashPassword('a password')).toMatch(/^scrypt\$32768\$8\$1\$/);
    } finally {
      vi.unstubAllEnvs();
    }
    // Inside the runner the knob lowers it (the suite's speed); the hash names its cost, so it still verifies.
    expect(await hashPassword('a password')).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it(`locks an account for 15 minutes after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    const input = buildUser('admin');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const start = new Date('2030-01-01T00:00:00Z');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      expect(await attempt(input.username, 'wrong password', start)).toBeInstanceOf(Unauthorized);
    const locked = await attempt(input.username, input.password, new Date(start.getTime() + 60_000));
    expect(locked).toBeInstanceOf(Locked);
    expect((locked as Locked).retryAfterSeconds).toBeCloseTo((LOCKOUT_MS - 60_000) / 1000);
    const later = new Date(start.getTime() + LOCKOUT_MS + 1000);
    expect(await attempt(input.username, input.password, later)).toMatchObject({ token: expect.any(String) });
    expect(await t.store.activity.list({ limit: 10 })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'lockout' }),
        expect.objectContaining({ action: 'login' }),
      ]),
    );
  });

  it('answers unknown users exactly like known ones, lockout included', async () => {
    const start = new Date('2030-01-01T00:00:00Z');
    const ghost = `ghost-${Math.random().toString(36).slice(2)}`;
    const results: unknown[] = [];
    for (let i = 0; i <= MAX_FAILED_LOGINS; i++) results.push(await attempt(ghost, 'whatever pw', start));
    expect(results.slice(0, MAX_FAILED_LOGINS).every((r) => r instanceof Unauthorized)).toBe(true);
    expect(results.map((r) => (r as Error).message).slice(0, 1)).toEqual(['Wrong username or password']);
    expect(results.at(-1)).toBeInstanceOf(Locked);
  });

  it('resets the failure count after a successful login', async () => {
    const input = buildUser('editor');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const now = new Date();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await attempt(input.username, 'nope nope nope', now);
    await login({ store: t.store, username: input.username, password: input.password, now });
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await attempt(input.username, 'nope nope nope', now);
    expect(await attempt(input.username, input.password, now)).toMatchObject({ token: expect.any(String) });
  });
});

describe('login under parallel guessing', () => {
  const burst = (username: string, passwords: string[], now: Date, deviceToken?: string) =>
    Promise.all(
      passwords.map((password) =>
        login({ store: t.store, username, password, now, deviceToken }).catch((e: unknown) => e),
      ),
    );
  const sessions = () =>
    t.store.sqlite.sqlite.prepare('SELECT count(*) FROM sessions').pluck().get() as number;

  it('checks at most the allowed number of passwords in a burst; the right one after them does not sign in', async () => {
    const input = buildUser('admin');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const now = new Date('2030-01-01T00:00:00Z');
    const results = await burst(
      input.username,
      [...Array.from({ length: 39 }, (_, i) => `wrong password ${i}`), input.password],
      now,
    );
    // Every 401 is a password that was checked and found wrong; the others were refused before scrypt.
    expect(results.filter((r) => r instanceof Unauthorized).length).toBe(MAX_FAILED_LOGINS);
    expect(results.filter((r) => r instanceof Locked).length).toBe(40 - MAX_FAILED_LOGINS);
    expect(results.at(-1)).toBeInstanceOf(Locked);
    expect(sessions()).toBe(0);
    const actions = (await t.store.activity.list({ limit: 50 })).map((a) => a.action);
    expect(actions.filter((a) => a === 'lockout' || a === 'login')).toEqual(['lockout']);
  });

  it('holds for 200 parallel guesses, and for unknown names alike', async () => {
    const input = buildUser('editor');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const now = new Date('2030-01-01T00:00:00Z');
    const guesses = Array.from({ length: 200 }, (_, i) => `guess ${i} guess`);
    for (const name of [input.username, `ghost-${Math.random().toString(36).slice(2)}`]) {
      const results = await burst(name, guesses, now);
      expect(results.filter((r) => r instanceof Unauthorized).length, name).toBe(MAX_FAILED_LOGINS);
      expect(results.filter((r) => r instanceof Locked).length, name).toBe(200 - MAX_FAILED_LOGINS);
    }
  });

  it('lets a lock run out: guessing while locked does not extend it', async () => {
    const input = buildUser('admin');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const start = new Date('2030-01-01T00:00:00Z');
    await burst(
      input.username,
      Array.from({ length: MAX_FAILED_LOGINS }, () => 'wrong wrong'),
      start,
    );
    const during = new Date(start.getTime() + LOCKOUT_MS - 1000);
    expect(await attempt(input.username, 'wrong wrong', during)).toBeInstanceOf(Locked);
    expect(await attempt(input.username, input.password, during)).toBeInstanceOf(Locked);
    const after = new Date(start.getTime() + LOCKOUT_MS);
    expect(await attempt(input.username, input.password, after)).toMatchObject({ token: expect.any(String) });
  });

  it('keeps a browser that signed in before out of a lock an outsider caused, with a count of its own', async () => {
    const input = buildUser('admin');
    await addUser({ store: t.store, actor: OPERATOR, input });
    const now = new Date('2030-01-01T00:00:00Z');
    const first = await login({ store: t.store, username: input.username, password: input.password, now });
    expect(first.deviceToken).toEqual(expect.any(String));
    // An outsider locks the account for everyone without the owner's device cookie…
    await burst(
      input.username,
      Array.from({ length: 20 }, () => 'outsider guess'),
      now,
    );
    expect(await attempt(input.username, input.password, now)).toBeInstanceOf(Locked);
    // …and a forged or foreign device cookie changes nothing.
    for (const forged of ['abc.def', `${first.deviceToken}x`, 'garbage'])
      expect(
        await login({
          store: t.store,
          username: input.username,
          password: input.password,
          now,
          deviceToken: forged,
        }).catch((e: unknown) => e),
      ).toBeInstanceOf(Locked);
    // The owner's browser still signs in.
    const owner = await login({
      store: t.store,
      username: input.username,
      password: input.password,
      now,
      deviceToken: first.deviceToken,
    });
    expect(owner.token).toEqual(expect.any(String));
    // The device's own guesses are limited the same way.
    const stolen = await burst(
      input.username,
      [...Array.from({ length: 10 }, () => 'device guess'), input.password],
      now,
      first.deviceToken,
    );
    expect(stolen.filter((r) => r instanceof Unauthorized).length).toBe(MAX_FAILED_LOGINS);
    expect(stolen.at(-1)).toBeInstanceOf(Locked);
  });

  it('no longer honours a device cookie once the password changed', async () => {
    const input = buildUser('admin');
    const user = await addUser({ store: t.store, actor: OPERATOR, input });
    const now = new Date('2030-01-01T00:00:00Z');
    const first = await login({ store: t.store, username: input.username, password: input.password, now });
    await t.store.users.update(user.id, {
      passwordHash: await hashPassword('a brand new password'),
      at: now.toISOString(),
    });
    await burst(
      input.username,
      Array.from({ length: MAX_FAILED_LOGINS }, () => 'outsider guess'),
      now,
    );
    const res = await login({
      store: t.store,
      username: input.username,
      password: 'a brand new password',
      now,
      deviceToken: first.deviceToken,
    }).catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Locked);
  });
});
