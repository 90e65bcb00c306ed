import type { Store, UserRecord } from '../store/store.ts';
import type { Actor } from './permissions.ts';
import { SESSION_TOUCH_MS, SESSION_TTL_MS, sessionIdOf } from './sessions.ts';

/** A live session: who it belongs to and the CSRF token its writes must carry. */
export type ResolvedSession = { actor: NonNullable<Actor>; user: UserRecord; csrfToken: string };

/** Finds the live session of a cookie token and slides its expiry; null when unknown or expired. */
export async function resolveSession({
  store,
  token,
  now = new Date(),
}: {
  store: Store;
  token: string;
  now?: Date;
}): Promise<ResolvedSession | null> {
  const id = sessionIdOf(token);
  const session = await store.sessions.findValid(id, now.toISOString());
  if (!session) return null;
  const user = await store.users.findById(session.userId);
  // A disabled account's sessions are deleted when it is disabled; this refuses one that slipped through.
  if (!user || user.disabledAt !== null) return null;
  if (now.getTime() - Date.parse(session.lastSeenAt) > SESSION_TOUCH_MS)
    await store.sessions.touch(id, now.toISOString(), new Date(now.getTime() + SESSION_TTL_MS).toISOString());
  return {
    actor: { id: user.id, username: user.username, role: user.role },
    user,
    csrfToken: session.csrfToken,
  };
}
