import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
// 252 = 7 × 36: bytes at or above it are skipped so that every character is equally likely.
const UNBIASED_LIMIT = 252;

/** A random 10-character lowercase base36 id (~51 bits): short enough to cite, long enough not to collide. */
export function newId(length = 10): string {
  let id = '';
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      id += ALPHABET[byte % 36];
      if (id.length === length) break;
    }
  }
  return id;
}

/** The current time as the store writes it (ISO 8601, UTC). */
export const nowIso = () => new Date().toISOString();
