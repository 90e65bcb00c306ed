import type { Kysely } from 'kysely';
import type { Tables } from '../tables.ts';

/** A stored session; `id` is the SHA-256 of the cookie token, never the token itself. */
export type SessionRecord = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

/** Cookie sessions kept in the database so they survive restarts and can be revoked. */
export function createSessionRepository(db: Kysely<Tables>) {
  return {
    /** Stores a new session. */
    async insert(s: SessionRecord) {
      await db
        .insertInto('sessions')
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },
    /** The session with this id if it has not expired at `now`. */
    async findValid(id: string, now: string): Promise<SessionRecord | null> {
      const r = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return r
        ? {
            id: r.id,
            userId: r.user_id,
            csrfToken: r.csrf_token,
            createdAt: r.created_at,
            lastSeenAt: r.last_seen_at,
            expiresAt: r.expires_at,
          }
        : null;
    },
    /** Slides a session's expiry forward. */
    async touch(id: string, lastSeenAt: string, expiresAt: string) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    /** Ends one session. */
    async delete(id: string) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    /** Ends every session of a user (password or role change). */
    async deleteForUser(userId: string) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}
/** The session repository. */
export type SessionRepository = ReturnType<typeof createSessionRepository>;
