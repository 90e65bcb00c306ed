import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../../operations/permissions.ts';
import { resolveSession } from '../../operations/resolve-session.ts';
import { problem, sendProblem } from '../errors.ts';
import { requiredRole, routeKey, SAFE_METHODS, SIGN_IN_ROUTE } from './route-access.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Whether a request must carry the session's CSRF token: every unsafe method, whatever its URL says, except
 * signing in. Decided on the matched route, never on the raw URL (`/%61pi/v1/entities` routes to
 * `/api/v1/entities`; a prefix test on `request.url` let it through).
 */
const needsCsrf = (request: FastifyRequest) =>
  !SAFE_METHODS.has(request.method) && routeKey(request.method, request.routeOptions.url) !== SIGN_IN_ROUTE;

/**
 * Resolves the session cookie into `request.actor` on every request, refuses unsafe requests whose
 * `x-csrf-token` does not match their session's synchronizer token (403), then refuses callers below the
 * route's role (401 anonymous, 403 too low; `route-access.ts`). All of it runs in `onRequest`, before the
 * body is read or validated. The operations check roles again and refuse what depends on the body.
 */
export function installAuthentication(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession({ store: app.store, token });
      if (session) {
        request.actor = session.actor;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
      }
    }
    if (request.csrfToken && needsCsrf(request)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken))
        return sendProblem(
          reply,
          problem(
            403,
            'Missing or wrong CSRF token: send the token from GET /api/v1/session in x-csrf-token',
          ),
        );
    }
    const role = requiredRole(request.method, request.routeOptions.url);
    // Throws Unauthorized / Forbidden, which the error handler turns into 401 / 403 problems.
    if (role) requireRole(request.actor, role);
  });
}
