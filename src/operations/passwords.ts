import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// N = 2^15 as ARCHITECTURE.md says (OWASP's scrypt minimum is 2^17 with r=8 at p=1 *or* this with more
// memory hardness per call; ~50 ms here). maxmem must exceed 128·N·r = 32 MiB.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/**
 * The cost of new hashes: PARAMS.N, except inside Vitest's runner (VITEST set), where
 * CYBERPORTAL_TEST_SCRYPT_N may lower it — the unit tests hash and check hundreds of passwords, each
 * ~50 ms and 32 MiB at the real cost (ARCHITECTURE decision 62). Never raised, never lowered outside the
 * tests; login.test.ts checks the real cost with the knob unset and that it is ignored outside Vitest.
 * Read at each call, hashes say their own N, so a hash of either cost verifies.
 */
const costN = () => {
  const lowered = process.env.VITEST ? Number(process.env.CYBERPORTAL_TEST_SCRYPT_N) : Number.NaN;
  return Number.isInteger(lowered) && lowered >= 2 ** 10 && lowered < PARAMS.N ? lowered : PARAMS.N;
};

const derive = (password: string, salt: Buffer, opts: ScryptOptions, keylen: number) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** A self-describing scrypt hash: `scrypt$N$r$p$salt$key` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = { ...PARAMS, N: costN() };
  const key = await derive(password, salt, params, KEY_LENGTH);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** Checks a password against a stored hash in constant time; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const opts = { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem };
  const key = await derive(password, Buffer.from(saltText, 'base64url'), opts, expected.length);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash is a password at all (an account imported without one has a marker instead). */
export const isPasswordHash = (stored: string) => stored.startsWith('scrypt$');

let dummy: Promise<string> | undefined;
/** A hash of a random password, verified when the user does not exist so both paths take the same time. */
export const dummyHash = () => {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
};
