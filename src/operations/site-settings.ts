import type { FieldError } from '../domain/metadata-validation.ts';
import type { EntityChange } from '../domain/schemas/entity.ts';
import { DEFAULT_SITE_SETTINGS, SiteSettings } from '../domain/schemas/site.ts';
import { nowIso } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { fieldErrors, ValidationFailed } from './errors.ts';
import { type Actor, requireRole } from './permissions.ts';
import { recordActivity } from './record-activity.ts';

const KEY = 'site';

/**
 * The site's settings as everyone sees them. What was stored is read through the schema over the defaults,
 * so a setting added after a portal saved its own comes back with its default instead of failing.
 */
export async function getSiteSettings({ store }: { store: Store }): Promise<SiteSettings> {
  const stored = await store.siteSettings.get(KEY);
  const merged = { ...DEFAULT_SITE_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
  const parsed = SiteSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SITE_SETTINGS;
}

/**
 * Replaces the site's settings (admins only). The two profile templates must exist and differ; the write is
 * logged with its field-level diff.
 */
export async function saveSiteSettings({
  store,
  actor,
  input,
}: {
  store: Store;
  actor: Actor;
  input: SiteSettings;
}): Promise<SiteSettings> {
  const who = requireRole(actor, 'admin');
  const parsed = SiteSettings.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const next = parsed.data;
  const errors: FieldError[] = [];
  for (const path of ['stateTemplate', 'organisationTemplate'] as const)
    if (!(await store.templates.findByName(next[path])))
      errors.push({ path, message: `there is no template "${next[path]}"` });
  if (next.stateTemplate === next.organisationTemplate)
    errors.push({ path: 'organisationTemplate', message: 'must differ from the State template' });
  if (errors.length) throw new ValidationFailed(errors);
  const before = await getSiteSettings({ store });
  const changes: EntityChange[] = (Object.keys(next) as (keyof SiteSettings)[])
    .filter((k) => before[k] !== next[k])
    .map((k) => ({ field: k, before: before[k], after: next[k] }));
  await store.transaction(async (tx) => {
    await tx.siteSettings.put(KEY, next, nowIso());
    await recordActivity({
      store: tx,
      actor: who,
      action: 'update',
      targetType: 'site',
      targetId: null,
      summary: changes.length
        ? `Site settings: ${changes.map((c) => c.field).join(', ')}`
        : 'Site settings saved (no changes)',
      changes,
    });
  });
  return next;
}

/**
 * Points one or both profile kinds at other templates (the Uwazi import's `--state-template`), leaving the
 * rest of the settings as they are. Unlike saveSiteSettings, the setting not changed is not checked: an
 * imported collection may give a State template and no Organisation one yet. Logged with its diff.
 */
export async function setProfileTemplates({
  store,
  actor,
  stateTemplate,
  organisationTemplate,
}: {
  store: Store;
  actor: Actor;
  stateTemplate?: string;
  organisationTemplate?: string;
}): Promise<SiteSettings> {
  const who = requireRole(actor, 'admin');
  const before = await getSiteSettings({ store });
  const next = {
    ...before,
    ...(stateTemplate !== undefined ? { stateTemplate } : {}),
    ...(organisationTemplate !== undefined ? { organisationTemplate } : {}),
  };
  const errors: FieldError[] = [];
  for (const [path, name] of [
    ['stateTemplate', stateTemplate],
    ['organisationTemplate', organisationTemplate],
  ] as const)
    if (name !== undefined && !(await store.templates.findByName(name)))
      errors.push({ path, message: `there is no template "${name}"` });
  if (next.stateTemplate === next.organisationTemplate)
    errors.push({ path: 'organisationTemplate', message: 'must differ from the State template' });
  if (errors.length) throw new ValidationFailed(errors);
  const changes: EntityChange[] = (['stateTemplate', 'organisationTemplate'] as const)
    .filter((k) => before[k] !== next[k])
    .map((k) => ({ field: k, before: before[k], after: next[k] }));
  if (!changes.length) return next;
  await store.transaction(async (tx) => {
    await tx.siteSettings.put(KEY, next, nowIso());
    await recordActivity({
      store: tx,
      actor: who,
      action: 'update',
      targetType: 'site',
      targetId: null,
      summary: `Site settings: ${changes.map((c) => c.field).join(', ')}`,
      changes,
    });
  });
  return next;
}
