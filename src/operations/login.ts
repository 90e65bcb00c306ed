import type { Store, UserRecord } from '../store/store.ts';
import { deviceOf, newDeviceToken } from './device-tokens.ts';
import { Forbidden, Locked, Unauthorized } from './errors.ts';
import { createAttemptCounter } from './login-attempts.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { recordActivity } from './record-activity.ts';
import { newCsrfToken, newSessionToken, SESSION_TTL_MS, sessionIdOf } from './sessions.ts';

/** 5 failures lock an account for 15 minutes (ARCHITECTURE.md, Accounts and security). */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

// Unknown usernames get the same counter and lockout in memory, so a 429 never reveals that a name exists;
// known devices get a counter of their own (see below).
const ghosts = createAttemptCounter({ max: MAX_FAILED_LOGINS, lockoutMs: LOCKOUT_MS });
const devices = createAttemptCounter({ max: MAX_FAILED_LOGINS, lockoutMs: LOCKOUT_MS });

/**
 * A new session: the token goes into the cookie, the CSRF token to the client; neither is stored as is. The
 * device token goes into a long-lived cookie of its own and marks the browser as one that signed in.
 */
export type LoginResult = {
  user: UserRecord;
  token: string;
  csrfToken: string;
  expiresAt: string;
  deviceToken: string;
};

const lockedFor = (lockedUntil: number, now: Date) =>
  new Locked(Math.max(1, (lockedUntil - now.getTime()) / 1000));

/**
 * Verifies a password and opens a session. Always runs scrypt (against a dummy hash for unknown users) and
 * answers unknown users, wrong passwords and locked accounts alike, so nothing tells whether a user exists.
 *
 * Every attempt is counted before its password is checked (atomically), so a burst of parallel guesses gets
 * at most MAX_FAILED_LOGINS checks; the rest are refused unchecked with 429. The lock lasts LOCKOUT_MS from
 * the attempt that started it and guessing while locked does not extend it. A browser that signed in to the
 * account before (a valid `deviceToken`) is counted apart from everyone else, so an outsider's guesses
 * cannot lock the owner out of their own browser; it is limited by the same rule on its own count.
 */
export async function login({
  store,
  username,
  password,
  deviceToken,
  now = new Date(),
}: {
  store: Store;
  username: string;
  password: string;
  deviceToken?: string | null;
  now?: Date;
}): Promise<LoginResult> {
  const user = await store.users.findByUsername(username);
  const at = now.toISOString();
  const device = user ? deviceOf(user, deviceToken) : null;
  const deviceKey = user && device ? `${user.id}:${device}` : null;

  let attempt: number;
  if (user && !deviceKey) {
    const lockUntil = new Date(now.getTime() + LOCKOUT_MS).toISOString();
    const reserved = await store.users.reserveLoginAttempt(user.id, {
      now: at,
      max: MAX_FAILED_LOGINS,
      lockUntil,
    });
    if (reserved === null) {
      const lockedUntil = (await store.users.findById(user.id))?.lockedUntil;
      throw lockedFor(lockedUntil ? Date.parse(lockedUntil) : now.getTime() + LOCKOUT_MS, now);
    }
    attempt = reserved;
  } else {
    const counted = (deviceKey ? devices : ghosts).reserve(
      deviceKey ?? username.toLowerCase(),
      now.getTime(),
    );
    if ('lockedUntil' in counted) throw lockedFor(counted.lockedUntil, now);
    attempt = counted.attempt;
  }

  const isValid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !isValid) {
    if (user && !deviceKey && attempt === MAX_FAILED_LOGINS)
      await recordActivity({
        store,
        actor: null,
        action: 'lockout',
        targetType: 'user',
        targetId: user.id,
        note: {
          code: 'user.locked',
          params: { username: user.username, minutes: LOCKOUT_MS / 60_000, failures: MAX_FAILED_LOGINS },
        },
      });
    throw new Unauthorized('Wrong username or password');
  }
  // Told only to whoever knows the password, so it reveals nothing to a guesser.
  if (user.disabledAt !== null) throw new Forbidden('This account is disabled; ask an administrator');

  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  const actor = { id: user.id, username: user.username, role: user.role };
  if (deviceKey) devices.clear(deviceKey);
  await store.transaction(async (tx) => {
    // A known device's success leaves the others' count alone: it must not hand an outsider fresh guesses.
    await tx.users.update(user.id, {
      ...(deviceKey ? {} : { failedLogins: 0, lockedUntil: null }),
      lastSignInAt: at,
      at,
    });
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
      note: { code: 'session.signedIn', params: { username: user.username } },
    });
  });
  return {
    user: { ...user, failedLogins: 0, lockedUntil: null, lastSignInAt: at },
    token,
    csrfToken,
    expiresAt,
    deviceToken: device && deviceToken ? deviceToken : newDeviceToken(user),
  };
}
