import { createHash, randomBytes } from 'node:crypto';

/** Sessions last 14 days from the last request (sliding), so a daily editor is not signed out mid-week. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** Refresh a session's expiry at most every 10 minutes, not on every request (a write each time). */
export const SESSION_TOUCH_MS = 10 * 60 * 1000;

/** A new random session token (256 bits) for the cookie. */
export const newSessionToken = () => randomBytes(32).toString('base64url');

/** A new random CSRF synchronizer token (192 bits). */
export const newCsrfToken = () => randomBytes(24).toString('base64url');

/** The stored id of a session: SHA-256 of its token, so a leaked database does not leak live sessions. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');
