/**
 * Sign-in attempt counts kept in memory, for what has no row to count in: unknown usernames (so a 429 never
 * reveals that a name exists) and known devices. The same rule as the account counter
 * (`users.reserveLoginAttempt`): an attempt is counted before its password is checked, the `max`-th starts
 * the lock, and an attempt beyond `max` is refused unchecked. `reserve` runs without awaiting, so parallel
 * attempts are counted one after another.
 */
export function createAttemptCounter({
  max,
  lockoutMs,
  capacity = 10_000,
}: {
  max: number;
  lockoutMs: number;
  capacity?: number;
}) {
  const counts = new Map<string, { attempts: number; lockedUntil: number | null }>();
  return {
    /** The attempt's number (1…max), or the lock's end (ms) when it is refused. */
    reserve(key: string, now: number): { attempt: number } | { lockedUntil: number } {
      const prior = counts.get(key);
      const expired = prior?.lockedUntil != null && prior.lockedUntil <= now;
      const state = !prior || expired ? { attempts: 0, lockedUntil: null } : prior;
      if (state.attempts >= max) return { lockedUntil: state.lockedUntil ?? now + lockoutMs };
      const attempts = state.attempts + 1;
      // Oldest first out: an outsider inventing names cannot grow this without bound.
      if (!counts.has(key) && counts.size >= capacity) counts.delete(counts.keys().next().value!);
      counts.set(key, { attempts, lockedUntil: attempts >= max ? now + lockoutMs : null });
      return { attempt: attempts };
    },
    /** A right password: the count starts again. */
    clear(key: string) {
      counts.delete(key);
    },
  };
}
