import { expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import type { Store } from '../../src/store/store.ts';
import { describeEachEngine } from './engines.ts';
import { at } from './rows.ts';

async function addUser(store: Store, username: string, role: 'admin' | 'editor' | 'collaborator' = 'editor') {
  const id = newId();
  await store.users.insert({ id, username, passwordHash: `hash-of-${username}`, role, at: at(0) });
  return id;
}

const session = (userId: string, expiresAt: string) => ({
  id: newId(32),
  userId,
  csrfToken: newId(20),
  createdAt: at(0),
  lastSeenAt: at(0),
  expiresAt,
});

describeEachEngine('users', (open) => {
  it('finds a user by name whatever its case, and refuses a name differing only in case', async () => {
    const store = await open();
    const id = await addUser(store, 'Alice');
    expect((await store.users.findByUsername('alice'))?.id).toBe(id);
    expect((await store.users.findByUsername('ALICE'))?.username).toBe('Alice');
    await expect(addUser(store, 'aLiCe')).rejects.toThrow();
    expect(await store.users.findByUsername('bob')).toBeNull();
  });

  it('reads back every field, lists by name and counts roles as numbers', async () => {
    const store = await open();
    const id = await addUser(store, 'zoe', 'admin');
    await addUser(store, 'Mark', 'editor');
    await addUser(store, 'anna', 'admin');
    expect(await store.users.findById(id)).toEqual({
      id,
      username: 'zoe',
      role: 'admin',
      lockedUntil: null,
      createdAt: at(0),
      updatedAt: at(0),
      passwordHash: 'hash-of-zoe',
      failedLogins: 0,
      disabledAt: null,
      lastSignInAt: null,
    });
    // Case-insensitive, as the name is compared (SQLite NOCASE, PostgreSQL citext).
    expect((await store.users.list()).map((u) => u.username)).toEqual(['anna', 'Mark', 'zoe']);
    expect(await store.users.countByRole('admin')).toBe(2);
    expect(await store.users.countByRole('collaborator')).toBe(0);
  });

  it('updates only the fields given', async () => {
    const store = await open();
    const id = await addUser(store, 'alice');
    await store.users.update(id, { role: 'admin', lockedUntil: at(60), failedLogins: 3, at: at(5) });
    expect(await store.users.findById(id)).toMatchObject({
      role: 'admin',
      lockedUntil: at(60),
      failedLogins: 3,
      passwordHash: 'hash-of-alice',
      updatedAt: at(5),
    });
    await store.users.update(id, { lockedUntil: null, at: at(6) });
    expect((await store.users.findById(id))?.lockedUntil).toBeNull();
  });

  it('counts sign-in attempts up to the limit, locks, and starts again once the lock ran out', async () => {
    const store = await open();
    const id = await addUser(store, 'alice');
    const attempt = (now: number) =>
      store.users.reserveLoginAttempt(id, { now: at(now), max: 3, lockUntil: at(now + 60) });
    expect(await attempt(1)).toBe(1);
    expect(await attempt(2)).toBe(2);
    expect(await attempt(3)).toBe(3);
    expect((await store.users.findById(id))?.lockedUntil).toBe(at(63));
    expect(await attempt(10)).toBeNull();
    expect(await attempt(70)).toBe(1);
    expect((await store.users.findById(id))?.lockedUntil).toBeNull();
  });

  it('counts parallel sign-in attempts once each', async () => {
    const store = await open();
    const id = await addUser(store, 'alice');
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        store.users.reserveLoginAttempt(id, { now: at(1), max: 5, lockUntil: at(99) }),
      ),
    );
    expect(results.filter((r) => r !== null).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2, 3, 4, 5]);
    expect(results.filter((r) => r === null)).toHaveLength(7);
  });

  it('removes a user with their sessions', async () => {
    const store = await open();
    const id = await addUser(store, 'alice');
    const s = session(id, at(1000));
    await store.sessions.insert(s);
    await store.users.delete(id);
    expect(await store.users.findById(id)).toBeNull();
    expect(await store.sessions.findValid(s.id, at(1))).toBeNull();
  });
});

describeEachEngine('sessions', (open) => {
  it('finds a session only before it expires, and slides its expiry', async () => {
    const store = await open();
    const userId = await addUser(store, 'alice');
    const s = session(userId, at(100));
    await store.sessions.insert(s);
    expect(await store.sessions.findValid(s.id, at(50))).toEqual(s);
    expect(await store.sessions.findValid(s.id, at(100))).toBeNull();
    await store.sessions.touch(s.id, at(99), at(500));
    expect(await store.sessions.findValid(s.id, at(200))).toEqual({
      ...s,
      lastSeenAt: at(99),
      expiresAt: at(500),
    });
  });

  it('ends one session, or every session of a user', async () => {
    const store = await open();
    const alice = await addUser(store, 'alice');
    const bob = await addUser(store, 'bob');
    const [a1, a2, b1] = [session(alice, at(100)), session(alice, at(100)), session(bob, at(100))];
    for (const s of [a1, a2, b1]) await store.sessions.insert(s);
    await store.sessions.delete(a1.id);
    expect(await store.sessions.findValid(a1.id, at(1))).toBeNull();
    expect(await store.sessions.findValid(a2.id, at(1))).not.toBeNull();
    await store.sessions.deleteForUser(alice);
    expect(await store.sessions.findValid(a2.id, at(1))).toBeNull();
    expect(await store.sessions.findValid(b1.id, at(1))).toEqual(b1);
  });
});

describeEachEngine('activity log', (open) => {
  it('lists the newest entries first, pages with an offset and filters by record', async () => {
    const store = await open();
    for (let i = 0; i < 5; i++)
      await store.activity.insert({
        userId: null,
        username: i % 2 ? 'alice' : null,
        action: 'update',
        targetType: 'entity',
        targetId: i % 2 ? 'e1' : 'e2',
        summary: `change ${i}`,
        changes: null,
        at: at(i),
      });
    const newest = await store.activity.list({ limit: 2 });
    expect(newest.map((a) => a.summary)).toEqual(['change 4', 'change 3']);
    expect(typeof newest[0]?.id).toBe('number');
    expect(newest[1]).toMatchObject({ username: 'alice', targetId: 'e1', at: at(3) });
    expect((await store.activity.list({ limit: 2, offset: 2 })).map((a) => a.summary)).toEqual([
      'change 2',
      'change 1',
    ]);
    expect((await store.activity.list({ limit: 10, targetId: 'e1' })).map((a) => a.summary)).toEqual([
      'change 3',
      'change 1',
    ]);
  });
});

describeEachEngine('account access', (open) => {
  it('keeps disabled state and last sign-in, and spends a reset link once before it expires', async () => {
    const store = await open();
    const id = await addUser(store, 'carol');
    await store.users.update(id, { disabledAt: at(10), lastSignInAt: at(5), at: at(10) });
    expect(await store.users.findById(id)).toMatchObject({ disabledAt: at(10), lastSignInAt: at(5) });
    await store.users.update(id, { disabledAt: null, at: at(11) });
    expect((await store.users.findById(id))?.disabledAt).toBeNull();

    await store.passwordResets.insert({
      id: 'h1',
      userId: id,
      createdBy: null,
      createdAt: at(0),
      expiresAt: at(60),
    });
    expect(await store.passwordResets.findUsable('h1', at(61))).toBeNull();
    expect((await store.passwordResets.findUsable('h1', at(30)))?.userId).toBe(id);
    expect(await store.passwordResets.use('h1', at(61))).toBeNull();
    const [a, b] = await Promise.all([
      store.passwordResets.use('h1', at(30)),
      store.passwordResets.use('h1', at(31)),
    ]);
    expect([a, b].filter((x) => x === id)).toHaveLength(1);
    await store.passwordResets.insert({
      id: 'h2',
      userId: id,
      createdBy: null,
      createdAt: at(0),
      expiresAt: at(60),
    });
    await store.passwordResets.revokeForUser(id);
    expect(await store.passwordResets.findUsable('h2', at(1))).toBeNull();
    await store.users.delete(id);
  });

  it('stores site settings as JSON per key, replacing on write', async () => {
    const store = await open();
    expect(await store.siteSettings.get('site')).toBeNull();
    await store.siteSettings.put('site', { name: 'A', nested: { x: 1 } }, at(0));
    await store.siteSettings.put('site', { name: 'B' }, at(1));
    expect(await store.siteSettings.get('site')).toEqual({ name: 'B' });
  });

  it('filters the activity log by person, action, day range and summary words, paging by id', async () => {
    const store = await open();
    const entry = (username: string, action: string, summary: string, minute: number) =>
      store.activity.insert({
        userId: null,
        username,
        action,
        targetType: 'user',
        targetId: null,
        summary,
        at: at(minute),
        changes: null,
      });
    const ids = [
      await entry('ann', 'login', 'ann signed in', 0),
      await entry('ben', 'update', 'Updated 100% of ben_x', 5),
      await entry('ann', 'update', 'Updated ANN profile', 10),
    ];
    expect((await store.activity.list({ limit: 10, username: 'ann' })).map((a) => a.id)).toEqual([
      ids[2],
      ids[0],
    ]);
    expect(
      (await store.activity.list({ limit: 10, action: 'update', since: at(6) })).map((a) => a.id),
    ).toEqual([ids[2]]);
    expect((await store.activity.list({ limit: 10, until: at(5) })).map((a) => a.id)).toEqual([ids[0]]);
    expect(
      (await store.activity.list({ limit: 10, summaryContains: 'ann profile' })).map((a) => a.id),
    ).toEqual([ids[2]]);
    expect((await store.activity.list({ limit: 10, summaryContains: '100%' })).map((a) => a.id)).toEqual([
      ids[1],
    ]);
    expect(await store.activity.list({ limit: 10, summaryContains: '_' })).toHaveLength(1);
    expect((await store.activity.list({ limit: 10, before: ids[2] })).map((a) => a.id)).toEqual([
      ids[1],
      ids[0],
    ]);
  });
});
