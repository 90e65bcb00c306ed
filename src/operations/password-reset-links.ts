import { createHash, randomBytes } from 'node:crypto';
import {
  PasswordResetInput,
  type PasswordResetLink,
  type PasswordResetStatus,
  RESET_LINK_HOURS,
} from '../domain/schemas/user.ts';
import type { Store } from '../store/store.ts';
import { Conflict, fieldErrors, NotFound, ValidationFailed } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

const RESET_LINK_MS = RESET_LINK_HOURS * 60 * 60 * 1000;

/** The stored id of a link: the SHA-256 of its token, so the database never holds a working link. */
const linkIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Why a link does not work, in one message whatever the reason: unknown, used, expired or account gone. */
const deadLink = () =>
  new NotFound('Password-reset link', 'this link (it was used, has expired or was replaced by a newer one)');

/**
 * Issues a one-time password-reset link for an account (admins only): the token is answered once, to be
 * handed to the user; only its hash is stored. A new link replaces the account's unused ones. Accounts
 * imported without a password (Uwazi) get theirs the same way. A disabled account gets none.
 */
export async function createPasswordResetLink({
  store,
  actor,
  userId,
  now = new Date(),
}: {
  store: Store;
  actor: Actor;
  userId: string;
  now?: Date;
}): Promise<PasswordResetLink> {
  const who = requireRole(actor, 'admin');
  const user = await store.users.findById(userId);
  if (!user) throw new NotFound('User', userId);
  if (user.disabledAt !== null)
    throw new Conflict(`${user.username} is disabled; enable the account first`, {
      code: 'accountDisabled',
      params: { username: user.username },
    });
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + RESET_LINK_MS).toISOString();
  await store.transaction(async (tx) => {
    await tx.passwordResets.revokeForUser(userId);
    await tx.passwordResets.insert({
      id: linkIdOf(token),
      userId,
      createdBy: who.id ?? null,
      createdAt: at,
      expiresAt,
    });
    await recordActivity({
      store: tx,
      actor: who,
      action: 'reset-link',
      targetType: 'user',
      targetId: userId,
      note: { code: 'user.resetLink', params: { username: user.username, until: expiresAt } },
    });
  });
  return { userId, username: user.username, token, expiresAt };
}

/** Whether a link still works and for whom (anyone holding the link may ask). */
export async function checkPasswordResetLink({
  store,
  token,
  now = new Date(),
}: {
  store: Store;
  token: string;
  now?: Date;
}): Promise<PasswordResetStatus> {
  const link = await store.passwordResets.findUsable(linkIdOf(token), now.toISOString());
  const user = link ? await store.users.findById(link.userId) : null;
  if (!link || !user || user.disabledAt !== null) throw deadLink();
  return { username: user.username, expiresAt: link.expiresAt };
}

/**
 * Sets a new password through a link: the link is spent in the same transaction (one statement, so two
 * uses racing cannot both land), the account's sessions end, its lockout lifts, and it is logged as the
 * user's own act. A dead link, or one of a disabled account, changes nothing.
 */
export async function resetPasswordWithLink({
  store,
  input,
  now = new Date(),
}: {
  store: Store;
  input: PasswordResetInput;
  now?: Date;
}): Promise<{ username: string }> {
  const parsed = PasswordResetInput.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  // Hashed before the transaction: scrypt takes ~50 ms and must not hold the write lock.
  const passwordHash = await hashPassword(parsed.data.password);
  const at = now.toISOString();
  return store.transaction(async (tx) => {
    const userId = await tx.passwordResets.use(linkIdOf(parsed.data.token), at);
    const user = userId ? await tx.users.findById(userId) : null;
    if (!userId || !user || user.disabledAt !== null) throw deadLink();
    await tx.users.update(userId, { passwordHash, failedLogins: 0, lockedUntil: null, at });
    await tx.sessions.deleteForUser(userId);
    await tx.passwordResets.revokeForUser(userId);
    await recordActivity({
      store: tx,
      actor: { id: user.id, username: user.username, role: user.role },
      action: 'password-reset',
      targetType: 'user',
      targetId: userId,
      note: { code: 'user.passwordReset', params: { username: user.username } },
    });
    return { username: user.username };
  });
}
