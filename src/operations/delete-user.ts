import type { Store } from '../store/store.ts';
import { Conflict, NotFound } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/** Removes an account and its sessions (admins only); the last admin cannot be removed. */
export async function deleteUser({
  store,
  actor,
  id,
}: {
  store: Store;
  actor: Actor;
  id: string;
}): Promise<void> {
  const who = requireRole(actor, 'admin');
  const user = await store.users.findById(id);
  if (!user) throw new NotFound('User', id);
  if (user.role === 'admin' && (await store.users.countByRole('admin')) <= 1)
    throw new Conflict('This is the last admin; make another user admin first', { code: 'lastAdmin' });
  await store.transaction(async (tx) => {
    await tx.users.delete(id);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'delete',
      targetType: 'user',
      targetId: id,
      note: { code: 'user.removed', params: { role: user.role, username: user.username } },
    });
  });
}
