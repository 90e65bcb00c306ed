/**
 * JSON with every object's keys in order: the same values give the same text whatever order they were
 * built in (a fingerprint of what an import wrote must not change because a map was filled differently).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
