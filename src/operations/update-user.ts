import { UserPatch } from '../domain/schemas/user.ts';
import { nowIso } from '../store/ids.ts';
import type { Store, UserRecord } from '../store/store.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/**
 * Changes a user's password or role (admins only). A new password ends the user's sessions and lifts a
 * lockout; the last admin cannot be demoted.
 */
export async function updateUser({
  store,
  actor,
  id,
  patch,
}: {
  store: Store;
  actor: Actor;
  id: string;
  patch: UserPatch;
}): Promise<UserRecord> {
  const who = requireRole(actor, 'admin');
  const parsed = UserPatch.safeParse(patch);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const { password, role } = parsed.data;
  const user = await store.users.findById(id);
  if (!user) throw new NotFound('User', id);
  if (role && role !== 'admin' && user.role === 'admin' && (await store.users.countByRole('admin')) <= 1)
    throw new Conflict('This is the last admin; make another user admin first');
  const passwordHash = password ? await hashPassword(password) : undefined;
  const changes = [
    password ? 'password' : '',
    role && role !== user.role ? `role ${user.role} → ${role}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  await store.transaction(async (tx) => {
    await tx.users.update(id, {
      passwordHash,
      role,
      ...(password ? { failedLogins: 0, lockedUntil: null } : {}),
      at: nowIso(),
    });
    if (password) await tx.sessions.deleteForUser(id);
    await recordActivity({
      store: tx,
      actor: who,
      action: 'update',
      targetType: 'user',
      targetId: id,
      summary: `Updated ${user.username}${changes ? `: ${changes}` : ' (no changes)'}`,
    });
  });
  return (await store.users.findById(id))!;
}
