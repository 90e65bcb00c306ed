import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_TTL_MS } from '../../operations/sessions.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'cp_session';

/** HttpOnly, SameSite=Lax, Path=/; Secure when behind a trusted TLS proxy and the request came over https. */
function cookieOptions(request: FastifyRequest): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.server.config.trustProxy && request.protocol === 'https',
  };
}

/** Sets the session cookie for a new session. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: SESSION_TTL_MS / 1000 });
}

/** Removes the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

/** Name of the cookie that marks a browser as one that signed in to an account before (login.ts). */
export const DEVICE_COOKIE = 'cp_device';
const DEVICE_TTL_S = 365 * 24 * 60 * 60;

/** Sets the device cookie: sent only to the sign-in route, never readable by scripts. */
export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(DEVICE_COOKIE, token, {
    ...cookieOptions(request),
    sameSite: 'strict',
    path: '/api/v1/session',
    maxAge: DEVICE_TTL_S,
  });
}
