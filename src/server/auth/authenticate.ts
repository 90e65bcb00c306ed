import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveSession } from '../../operations/resolve-session.ts';
import { problem, sendProblem } from '../errors.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Signing in needs no CSRF token: it acts on no session's authority (and JSON bodies need CORS anyway). */
const LOGIN = 'POST /api/v1/session';

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Whether a request must carry the session's CSRF token. */
const needsCsrf = (request: FastifyRequest) =>
  !SAFE_METHODS.has(request.method) &&
  request.url.startsWith('/api/') &&
  `${request.method} ${request.url.split('?')[0]}` !== LOGIN;

/**
 * Resolves the session cookie into `request.actor` on every request, and refuses writes under /api whose
 * `x-csrf-token` does not match their session's synchronizer token (403). Requests without a live session
 * are anonymous; the operations then refuse what anonymous readers may not do (401).
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
  });
}
