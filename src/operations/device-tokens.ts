import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device tokens: proof that a browser once signed in to an account, so an outsider's failed guesses do not
 * lock its owner out there (see login.ts). `nonce.mac`, the MAC an HMAC of the user id and nonce keyed by the
 * account's password hash: no table, nothing to leak, and every device token of an account stops counting
 * when its password changes.
 */
const macOf = (user: { id: string; passwordHash: string }, nonce: string) =>
  createHmac('sha256', user.passwordHash).update(`device:${user.id}:${nonce}`).digest('base64url');

/** A new device token for a user who has just signed in. */
export function newDeviceToken(user: { id: string; passwordHash: string }) {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${macOf(user, nonce)}`;
}

/** The token's nonce (its key for counting) when it was made for this user and password; null otherwise. */
export function deviceOf(user: { id: string; passwordHash: string }, token: string | null | undefined) {
  const [nonce, mac, ...rest] = (token ?? '').split('.');
  if (!nonce || !mac || rest.length) return null;
  const expected = Buffer.from(macOf(user, nonce));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : null;
}
