import type { LastReviewed } from '../domain/schemas/entity.ts';
import type { Template } from '../domain/schemas/template.ts';
import { ValidationFailed } from './errors.ts';

const isRealDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};

/**
 * A review record fit for the template: every key is one of its section headings, every date a real day
 * and not after today (UTC, a day of slack for curators east of it). One error per bad field, nothing
 * written.
 */
export function checkLastReviewed(template: Template, value: LastReviewed, now = new Date()): LastReviewed {
  const sections = new Set(template.properties.flatMap((p) => (p.section ? [p.section] : [])));
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const errors: { path: string; message: string }[] = [];
  const checkDay = (path: string, day: string) => {
    if (!isRealDay(day)) errors.push({ path, message: 'is not a day of the calendar' });
    else if (day > latest) errors.push({ path, message: 'is in the future' });
  };
  if (value.profile !== null) checkDay('lastReviewed.profile', value.profile);
  for (const [name, day] of Object.entries(value.sections)) {
    const path = `lastReviewed.sections.${name}`;
    if (!sections.has(name))
      errors.push({
        path,
        message: `no section "${name}" in template ${template.name}${sections.size ? ` (it has: ${[...sections].join(', ')})` : ''}`,
      });
    else checkDay(path, day);
  }
  if (errors.length) throw new ValidationFailed(errors);
  return value;
}
