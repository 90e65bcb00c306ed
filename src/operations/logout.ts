import type { Store } from '../store/store.ts';
import type { Actor } from './permissions.ts';
import { recordActivity } from './record-activity.ts';
import { sessionIdOf } from './sessions.ts';

/** Ends the session of this token; ending an unknown or expired session is not an error. */
export async function logout({
  store,
  actor,
  token,
}: {
  store: Store;
  actor: Actor;
  token: string;
}): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.sessions.delete(sessionIdOf(token));
    if (actor)
      await recordActivity({
        store: tx,
        actor,
        action: 'logout',
        targetType: 'session',
        targetId: actor.id,
        note: { code: 'session.signedOut', params: { username: actor.username } },
      });
  });
}
