import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.ts';
import { createTempStore, type TempStore } from '../../test/temp-store.ts';
import { addUser } from './add-user.ts';
import { Locked, Unauthorized } from './errors.ts';
import { LOCKOUT_MS, login, MAX_FAILED_LOGINS } from './login.ts';
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
    const user = await addUser({ store: t.store, actor: OPERATOR, input });
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
