import { type Kysely, type Selectable, sql } from 'kysely';
import type { Role, User } from '../../domain/schemas/user.ts';
import type { Tables, UsersTable } from '../tables.ts';

/** A user as the store knows it, including the secrets no presenter may show. */
export type UserRecord = Omit<User, 'passwordSet'> & {
  passwordHash: string;
  failedLogins: number;
  updatedAt: string;
};

const toRecord = (r: Selectable<UsersTable>): UserRecord => ({
  id: r.id,
  username: r.username,
  role: r.role as Role,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  passwordHash: r.password_hash,
  failedLogins: r.failed_logins,
  disabledAt: r.disabled_at,
  lastSignInAt: r.last_login_at,
});

/** Accounts: lookup by id or name (case-insensitive), role counts and the failed-login counter. */
export function createUserRepository(db: Kysely<Tables>) {
  return {
    /** The user with this id, or null. */
    async findById(id: string) {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    /** The user with this name (the column collates NOCASE), or null. */
    async findByUsername(username: string) {
      const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      return r ? toRecord(r) : null;
    },
    /** Every user, by name. */
    async list() {
      return (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(toRecord);
    },
    /** How many users hold a role. */
    async countByRole(role: Role) {
      const r = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', role)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Adds a user. */
    async insert(u: { id: string; username: string; passwordHash: string; role: Role; at: string }) {
      await db
        .insertInto('users')
        .values({
          id: u.id,
          username: u.username,
          password_hash: u.passwordHash,
          role: u.role,
          created_at: u.at,
          updated_at: u.at,
        })
        .execute();
    },
    /** Changes password hash, role, lockout state, disabled state or last sign-in. */
    async update(
      id: string,
      patch: {
        passwordHash?: string;
        role?: Role;
        failedLogins?: number;
        lockedUntil?: string | null;
        disabledAt?: string | null;
        lastSignInAt?: string;
        at: string;
      },
    ) {
      await db
        .updateTable('users')
        .set({
          ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.failedLogins !== undefined ? { failed_logins: patch.failedLogins } : {}),
          ...(patch.lockedUntil !== undefined ? { locked_until: patch.lockedUntil } : {}),
          ...(patch.disabledAt !== undefined ? { disabled_at: patch.disabledAt } : {}),
          ...(patch.lastSignInAt !== undefined ? { last_login_at: patch.lastSignInAt } : {}),
          updated_at: patch.at,
        })
        .where('id', '=', id)
        .execute();
    },
    /**
     * Counts a sign-in attempt before its password is checked, in one statement so parallel attempts cannot
     * all read the same count: the attempt is the `failed_logins + 1`-th since the last success (1st again
     * once a lock has run out), and the `max`-th sets `locked_until`. Returns the attempt's number, or null
     * when the account is locked or `max` attempts are already counted (the caller refuses without checking).
     */
    async reserveLoginAttempt(
      id: string,
      { now, max, lockUntil }: { now: string; max: number; lockUntil: string },
    ) {
      const n = sql<number>`CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 1 ELSE failed_logins + 1 END`;
      const r = await db
        .updateTable('users')
        .set({
          failed_logins: n,
          locked_until: sql<string | null>`CASE WHEN ${n} >= ${max} THEN ${lockUntil} ELSE NULL END`,
        })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .where(n, '<=', max)
        .returning('failed_logins')
        .executeTakeFirst();
      return r ? r.failed_logins : null;
    },
    /** Removes a user (their sessions go with them). */
    async delete(id: string) {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}
/** The user repository. */
export type UserRepository = ReturnType<typeof createUserRepository>;
