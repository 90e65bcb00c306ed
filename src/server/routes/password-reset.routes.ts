import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PasswordResetCheck, PasswordResetInput, PasswordResetStatus } from '../../domain/schemas/user.ts';
import { checkPasswordResetLink, resetPasswordWithLink } from '../../operations/password-reset-links.ts';
import { problem } from '../errors.ts';

/**
 * Using a one-time password-reset link: anyone holding the link may check it and set the account's new
 * password. The token travels in the body, never in a URL a log or a Referer would keep; the routes share
 * the sign-in's per-address limit.
 */
export const passwordResetRoutes: FastifyPluginAsync = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['session'];
  const config = {
    rateLimit: {
      max: app.config.signInAttemptsPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: () =>
        Object.assign(new Error('Too many attempts from this address. Try again in a minute.'), {
          statusCode: problem(429).status,
        }),
    },
  };
  r.post(
    '/password-reset/check',
    {
      schema: {
        tags,
        summary: 'Whether a reset link still works, and for which account (404 when used or expired)',
        body: PasswordResetCheck,
        response: { 200: PasswordResetStatus },
      },
      config,
    },
    async (req) => checkPasswordResetLink({ store: app.store, token: req.body.token }),
  );
  r.post(
    '/password-reset',
    {
      schema: {
        tags,
        summary: 'Set a new password through a one-time reset link (ends the account’s sessions)',
        body: PasswordResetInput,
        response: { 200: z.object({ username: z.string() }) },
      },
      config,
    },
    async (req) => resetPasswordWithLink({ store: app.store, input: req.body }),
  );
};
