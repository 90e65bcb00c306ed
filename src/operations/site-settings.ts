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
 * Replaces the site's settings (admins only). The profile and document templates must exist and differ, and
 * the map's ISO property must be a text or number property of the State template; the write is logged with
 * its field-level diff.
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
  const errors = await checkTemplates(store, next);
  if (errors.length) throw new ValidationFailed(errors);
  const before = await getSiteSettings({ store });
  const changes: EntityChange[] = (Object.keys(next) as (keyof SiteSettings)[])
    .filter((k) => before[k] !== next[k])
    .map((k) => ({ field: k, before: before[k], after: next[k] }));
  await writeSettings(store, who, next, changes);
  return next;
}

/** Property types an ISO 3166-1 numeric code can be stored in ("004" as text, 4 as a number). */
const ISO_TYPES = new Set(['text', 'number']);

/** What is wrong with the templates and the ISO property the settings name, field by field. */
async function checkTemplates(store: Store, next: SiteSettings): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const paths = ['stateTemplate', 'organisationTemplate', 'documentTemplate'] as const;
  const found = new Map<string, Awaited<ReturnType<Store['templates']['findByName']>>>();
  for (const path of paths) {
    const template = await store.templates.findByName(next[path]);
    found.set(path, template);
    if (!template) errors.push({ path, message: `there is no template "${next[path]}"` });
  }
  if (next.stateTemplate === next.organisationTemplate)
    errors.push({ path: 'organisationTemplate', message: 'must differ from the State template' });
  if (next.documentTemplate === next.stateTemplate || next.documentTemplate === next.organisationTemplate)
    errors.push({ path: 'documentTemplate', message: 'must differ from the profile templates' });
  const state = found.get('stateTemplate');
  if (state && next.isoNumericProperty) {
    const property = state.properties.find((p) => p.name === next.isoNumericProperty);
    if (!property)
      errors.push({
        path: 'isoNumericProperty',
        message: `the template "${state.name}" has no property "${next.isoNumericProperty}"`,
      });
    else if (!ISO_TYPES.has(property.type))
      errors.push({ path: 'isoNumericProperty', message: 'must be a text or number property' });
  }
  return errors;
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
  await writeSettings(store, who, next, changes);
  return next;
}

/** Stores the settings and logs what changed, in one transaction. */
async function writeSettings(store: Store, who: Actor, next: SiteSettings, changes: EntityChange[]) {
  await store.transaction(async (tx) => {
    await tx.siteSettings.put(KEY, next, nowIso());
    await recordActivity({
      store: tx,
      actor: who,
      action: 'update',
      targetType: 'site',
      targetId: null,
      note: { code: 'site.updated', params: { fields: changes.map((c) => c.field) } },
      changes,
    });
  });
}
