/**
 * When the demo's curators last reviewed each profile section. Real portals review a profile section by
 * section over months, so the demo spreads its dates over the 21 months before its own cut-off, the same
 * for every load (a hash of the profile and section), and the profile's date is its latest section's.
 */
import type { LastReviewed } from '../../domain/schemas/entity.ts';

const FIRST = Date.UTC(2025, 1, 3);
const LAST = Date.UTC(2026, 9, 30);
const DAY = 86_400_000;

/** FNV-1a: a stable spread of dates, not a secret. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Review dates for the sections of a profile that have content (by section heading). */
export function demoLastReviewed(profileKey: string, filledSections: Iterable<string>): LastReviewed {
  const days = Math.round((LAST - FIRST) / DAY);
  const sections: Record<string, string> = {};
  for (const name of new Set(filledSections)) {
    const offset = hash(`${profileKey}\u0000${name}`) % (days + 1);
    sections[name] = new Date(FIRST + offset * DAY).toISOString().slice(0, 10);
  }
  const dates = Object.values(sections).sort();
  return { profile: dates.at(-1) ?? null, sections };
}
