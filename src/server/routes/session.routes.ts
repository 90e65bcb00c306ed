import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LoginInput, SessionInfo } from '../../domain/schemas/user.ts';
import { login } from '../../operations/login.ts';
import { logout } from '../../operations/logout.ts';
import {
  clearSessionCookie,
  DEVICE_COOKIE,
  setDeviceCookie,
  setSessionCookie,
} from '../auth/session-cookie.ts';
import { problem } from '../errors.ts';
import { presentSession } from '../presenters/user.presenter.ts';

/** Signing in and out; `GET /session` tells the client who it is and its CSRF token. */
export const sessionRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'The current user and CSRF token',
        response: { 200: SessionInfo },
      },
    },
    async (req) => {
      const user = req.actor?.id ? await app.store.users.findById(req.actor.id) : null;
      return presentSession(user, req.csrfToken);
    },
  );
  r.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in (sets the cp_session cookie); 5 failures lock the account for 15 minutes',
        description:
          'Attempts are counted before the password is checked, so parallel guesses get no more checks. ' +
          'A browser that signed in before (cp_device cookie) is counted apart, so others’ failures do not ' +
          'lock it out. Each client address may try CYBERPORTAL_SIGNIN_PER_MINUTE times a minute (429).',
        body: LoginInput,
        response: { 200: SessionInfo },
      },
      config: {
        rateLimit: {
          max: app.config.signInAttemptsPerMinute,
          timeWindow: 60_000,
          errorResponseBuilder: (_req, context) =>
            Object.assign(
              new Error(
                `Too many sign-in attempts from this address. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
              ),
              { statusCode: problem(429).status },
            ),
        },
      },
    },
    async (req, reply) => {
      const result = await login({
        store: app.store,
        username: req.body.username,
        password: req.body.password,
        deviceToken: req.cookies[DEVICE_COOKIE],
      });
      setSessionCookie(req, reply, result.token);
      setDeviceCookie(req, reply, result.deviceToken);
      return presentSession(result.user, result.csrfToken);
    },
  );
  r.delete('/session', { schema: { tags: ['session'], summary: 'Sign out' } }, async (req, reply) => {
    if (req.sessionToken) await logout({ store: app.store, actor: req.actor, token: req.sessionToken });
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });
};
