import type { Store } from '../store/store.ts';

/**
 * How old a stray file must be before it is removed. An upload in progress in another process on the same
 * data directory keeps writing its `.part` (so its time stays fresh), and an original renamed into place
 * gets its record within moments; an hour leaves a wide margin for slow clients and long imports.
 */
export const STRAY_GRACE_MS = 60 * 60_000;

/**
 * Removes what a killed process left under `<data>/files`: partial uploads (`.part`) and stored originals
 * no file record points at (a killed upload or import, a crash between a new version's write and the old
 * one's removal), once they are older than `graceMs`. The directory is listed before the records are read,
 * so an original whose record is written meanwhile is seen as referenced.
 */
export async function sweepStrayFiles({
  store,
  graceMs = STRAY_GRACE_MS,
  now = Date.now(),
}: {
  store: Store;
  graceMs?: number;
  now?: number;
}): Promise<{ parts: number; originals: number }> {
  const cutoff = now - graceMs;
  const { originals, parts } = await store.originals.list();
  const oldParts = parts.filter((p) => p.mtimeMs < cutoff);
  for (const p of oldParts) await store.originals.removePart(p.name);
  const oldKeys = originals.filter((o) => o.mtimeMs < cutoff).map((o) => o.name);
  const referenced = await store.files.referencedKeys(oldKeys);
  const stray = oldKeys.filter((k) => !referenced.has(k));
  for (const key of stray) await store.originals.remove(key);
  return { parts: oldParts.length, originals: stray.length };
}
