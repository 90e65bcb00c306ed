import { UserPatch } from '../domain/schemas/user.ts';
import { nowIso } from '../store/ids.ts';
import type { Store, UserRecord } from '../store/store.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

/**
 * Changes a user's password, role or disabled state (admins only). A new password ends the user's sessions
 * and lifts a lockout; disabling ends the sessions and revokes unused reset links. The last admin can be
 * neither demoted nor disabled, and an admin cannot disable their own account.
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
  const { password, role, disabled } = parsed.data;
  const user = await store.users.findById(id);
  if (!user) throw new NotFound('User', id);
  if (role && role !== 'admin' && user.role === 'admin' && (await store.users.countByRole('admin')) <= 1)
    throw new Conflict('This is the last admin; make another user admin first', { code: 'lastAdmin' });
  const disabling = disabled === true && user.disabledAt === null;
  const enabling = disabled === false && user.disabledAt !== null;
  if (disabling && who.id === id)
    throw new Conflict('You cannot disable your own account', { code: 'ownAccount' });
  if (disabling && user.role === 'admin' && (await store.users.countByRole('admin')) <= 1)
    throw new Conflict('This is the last admin; make another user admin first', { code: 'lastAdmin' });
  const passwordHash = password ? await hashPassword(password) : undefined;
  const at = nowIso();
  await store.transaction(async (tx) => {
    await tx.users.update(id, {
      passwordHash,
      role,
      ...(password ? { failedLogins: 0, lockedUntil: null } : {}),
      ...(disabling ? { disabledAt: at } : enabling ? { disabledAt: null } : {}),
      at,
    });
    if (password || disabling) await tx.sessions.deleteForUser(id);
    if (disabling) await tx.passwordResets.revokeForUser(id);
    await recordActivity({
      store: tx,
      actor: who,
      // Disabling and enabling get actions of their own, so the log can be filtered for them.
      action:
        disabling && !password && !role ? 'disable' : enabling && !password && !role ? 'enable' : 'update',
      targetType: 'user',
      targetId: id,
      note: {
        code: 'user.updated',
        params: {
          username: user.username,
          password: !!password,
          ...(role && role !== user.role ? { roleFrom: user.role, roleTo: role } : {}),
          disabled: disabling,
          enabled: enabling,
        },
      },
    });
  });
  return (await store.users.findById(id))!;
}
