import type { Kysely } from 'kysely';
import type { Tables } from '../tables.ts';

/** A stored reset link: `id` is the SHA-256 of the link's token, never the token itself. */
export type PasswordResetRecord = {
  id: string;
  userId: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
};

/** One-time password-reset links (issue 10): issued by an admin, used once before they expire. */
export function createPasswordResetRepository(db: Kysely<Tables>) {
  return {
    /** Stores a new link. */
    async insert(r: Omit<PasswordResetRecord, 'usedAt'>) {
      await db
        .insertInto('password_resets')
        .values({
          id: r.id,
          user_id: r.userId,
          created_by: r.createdBy,
          created_at: r.createdAt,
          expires_at: r.expiresAt,
          used_at: null,
        })
        .execute();
    },
    /** The link with this id if it is unused and has not expired at `now`. */
    async findUsable(id: string, now: string): Promise<PasswordResetRecord | null> {
      const r = await db
        .selectFrom('password_resets')
        .selectAll()
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return r
        ? {
            id: r.id,
            userId: r.user_id,
            createdBy: r.created_by,
            createdAt: r.created_at,
            expiresAt: r.expires_at,
            usedAt: r.used_at,
          }
        : null;
    },
    /**
     * Marks a link used in one statement, so two requests racing with the same link cannot both succeed;
     * answers the user it was for, or null when it was used, expired or unknown.
     */
    async use(id: string, now: string): Promise<string | null> {
      const r = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return r ? r.user_id : null;
    },
    /** Removes every unused link of a user (a newer link, a reset done, an account disabled). */
    async revokeForUser(userId: string) {
      await db
        .deleteFrom('password_resets')
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .execute();
    },
  };
}
/** The password-reset repository. */
export type PasswordResetRepository = ReturnType<typeof createPasswordResetRepository>;
