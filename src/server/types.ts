import type { Config } from '../config.ts';
import type { Actor } from '../operations/permissions.ts';
import type { Store } from '../store/store.ts';

// What buildApp adds to Fastify: the store and config on the instance (for every route plugin, including
// those of other features), the signed-in actor and session tokens on each request.
declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    config: Config;
  }
  interface FastifyRequest {
    /** The signed-in user, or null for an anonymous reader. */
    actor: Actor;
    /** The raw session token from the cookie when it names a live session. */
    sessionToken: string | null;
    /** The session's CSRF token, echoed by the client in `x-csrf-token` on writes. */
    csrfToken: string | null;
  }
}

/** Options every route plugin receives (none yet: routes read `app.store` and `app.config`). */
export type RouteOptions = Record<never, never>;
