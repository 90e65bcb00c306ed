import type { UserRecord } from '../store/sqlite/user.repository.ts';
import type { Store } from '../store/store.ts';
import { Locked, Unauthorized } from './errors.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { recordActivity } from './record-activity.ts';
import { newCsrfToken, newSessionToken, SESSION_TTL_MS, sessionIdOf } from './sessions.ts';

/** 5 failures lock an account for 15 minutes (ARCHITECTURE.md, Accounts and security). */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

// Unknown usernames get the same counter and lockout in memory, so a 429 never reveals that a name exists.
const ghosts = new Map<string, { failed: number; lockedUntil: string | null }>();
const MAX_GHOSTS = 10_000;

/** A new session: the token goes into the cookie, the CSRF token to the client; neither is stored as is. */
export type LoginResult = { user: UserRecord; token: string; csrfToken: string; expiresAt: string };

/**
 * Verifies a password and opens a session. Always runs scrypt (against a dummy hash for unknown users) and
 * answers unknown users, wrong passwords and locked accounts alike, so nothing tells whether a user exists.
 */
export async function login({
  store,
  username,
  password,
  now = new Date(),
}: {
  store: Store;
  username: string;
  password: string;
  now?: Date;
}): Promise<LoginResult> {
  const user = await store.users.findByUsername(username);
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  const key = username.toLowerCase();
  const state = user
    ? { failed: user.failedLogins, lockedUntil: user.lockedUntil }
    : (ghosts.get(key) ?? { failed: 0, lockedUntil: null });
  const at = now.toISOString();
  if (state.lockedUntil && state.lockedUntil > at)
    throw new Locked((Date.parse(state.lockedUntil) - now.getTime()) / 1000);

  if (!user || !isValid) {
    // An expired lock starts a fresh count.
    const failed = (state.lockedUntil ? 0 : state.failed) + 1;
    const next =
      failed >= MAX_FAILED_LOGINS
        ? { failed: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS).toISOString() }
        : { failed, lockedUntil: null };
    if (user) {
      await store.transaction(async (tx) => {
        await tx.users.update(user.id, { failedLogins: next.failed, lockedUntil: next.lockedUntil, at });
        if (next.lockedUntil)
          await recordActivity({
            store: tx,
            actor: null,
            action: 'lockout',
            targetType: 'user',
            targetId: user.id,
            summary: `${user.username} locked for ${LOCKOUT_MS / 60_000} minutes after ${MAX_FAILED_LOGINS} failed sign-ins`,
          });
      });
    } else {
      if (ghosts.size >= MAX_GHOSTS) ghosts.delete(ghosts.keys().next().value!);
      ghosts.set(key, next);
    }
    throw new Unauthorized('Wrong username or password');
  }

  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  const actor = { id: user.id, username: user.username, role: user.role };
  await store.transaction(async (tx) => {
    if (user.failedLogins || user.lockedUntil)
      await tx.users.update(user.id, { failedLogins: 0, lockedUntil: null, at });
    await tx.sessions.insert({
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
    });
    await recordActivity({
      store: tx,
      actor,
      action: 'login',
      targetType: 'session',
      targetId: user.id,
      summary: `${user.username} signed in`,
    });
  });
  return { user: { ...user, failedLogins: 0, lockedUntil: null }, token, csrfToken, expiresAt };
}
