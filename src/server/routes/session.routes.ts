import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LoginInput, SessionInfo } from '../../domain/schemas/user.ts';
import { login } from '../../operations/login.ts';
import { logout } from '../../operations/logout.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
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
        body: LoginInput,
        response: { 200: SessionInfo },
      },
    },
    async (req, reply) => {
      const result = await login({
        store: app.store,
        username: req.body.username,
        password: req.body.password,
      });
      setSessionCookie(req, reply, result.token);
      return presentSession(result.user, result.csrfToken);
    },
  );
  r.delete('/session', { schema: { tags: ['session'], summary: 'Sign out' } }, async (req, reply) => {
    if (req.sessionToken) await logout({ store: app.store, actor: req.actor, token: req.sessionToken });
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });
};
