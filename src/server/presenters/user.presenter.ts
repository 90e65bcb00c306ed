import type { Activity, SessionInfo, User } from '../../domain/schemas/user.ts';
import { isPasswordHash } from '../../operations/passwords.ts';
import type { UserRecord } from '../../store/store.ts';

/** A user without the password hash or failed-login counter. */
export const presentUser = (u: UserRecord): User => ({
  id: u.id,
  username: u.username,
  role: u.role,
  lockedUntil: u.lockedUntil,
  createdAt: u.createdAt,
  disabledAt: u.disabledAt,
  lastSignInAt: u.lastSignInAt,
  passwordSet: isPasswordHash(u.passwordHash),
});

/** The current session as the client sees it. */
export const presentSession = (user: UserRecord | null, csrfToken: string | null): SessionInfo => ({
  user: user ? presentUser(user) : null,
  csrfToken: user ? csrfToken : null,
});

/** One activity log entry. */
export const presentActivity = (a: Activity): Activity => ({
  id: a.id,
  userId: a.userId,
  username: a.username,
  action: a.action,
  targetType: a.targetType,
  targetId: a.targetId,
  summary: a.summary,
  code: a.code,
  params: a.params,
  at: a.at,
  changes: a.changes,
});
