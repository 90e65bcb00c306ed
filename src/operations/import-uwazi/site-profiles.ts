import { labelKey } from '../../domain/csv/csv-cells.ts';
import type { Store } from '../../store/store.ts';
import { ValidationFailed } from '../errors.ts';
import { OPERATOR } from '../permissions.ts';
import { getSiteSettings, setProfileTemplates } from '../site-settings.ts';
import type { TemplatePlan } from './plan-schema.ts';
import type { ImportReport } from './report.ts';

/** Which templates the admin asked to make the portal's State and Organisation profiles. */
export type ProfileChoice = { state?: string | undefined; organisation?: string | undefined };

const KINDS = [
  { key: 'state', setting: 'stateTemplate', option: '--state-template', word: 'State profiles' },
  {
    key: 'organisation',
    setting: 'organisationTemplate',
    option: '--organisation-template',
    word: 'Organisation profiles',
  },
] as const;

/**
 * Our template names for the admin's choice, each given as our name, as the Uwazi template's name or as
 * its label in any language (so "Country" finds the `Country` the import makes from Uwazi's "Country").
 * Checked before anything is written: a name that is no template here nor in the dump stops the import
 * (a wrong option should not cost a whole import to find out).
 */
export async function resolveProfileChoice(
  store: Store,
  choice: ProfileChoice,
  templates: TemplatePlan[],
): Promise<ProfileChoice> {
  const existing = (await store.templates.list()).map((t) => ({
    name: t.name,
    labels: [t.label, ...Object.values(t.labels ?? {})],
  }));
  const planned = templates.map((t) => ({
    name: t.input.name,
    labels: [t.input.label, ...Object.values(t.input.labels ?? {})],
  }));
  const all = [...planned, ...existing];
  const out: ProfileChoice = {};
  const errors: { path: string; message: string }[] = [];
  for (const kind of KINDS) {
    const wanted = choice[kind.key];
    if (wanted === undefined) continue;
    const found =
      all.find((t) => t.name === wanted) ??
      all.find((t) => labelKey(t.name) === labelKey(wanted)) ??
      all.find((t) => t.labels.some((l) => l && labelKey(l) === labelKey(wanted)));
    if (found) out[kind.key] = found.name;
    else
      errors.push({
        path: kind.option,
        message: `no template "${wanted}" here or in the dump (templates: ${[...new Set(all.map((t) => t.name))].join(', ')})`,
      });
  }
  if (out.state && out.state === out.organisation)
    errors.push({ path: '--organisation-template', message: 'must differ from the State template' });
  if (errors.length) throw new ValidationFailed(errors);
  return out;
}

/**
 * After the templates are written: points the site's profile settings at the chosen templates, and says in
 * the report's `settings` lines what they name now. A setting is never left pointing at a template that
 * does not exist without a line saying so and how to fix it (the defaults name `State` and `Organisation`,
 * which an Uwazi collection does not have: its profile pages would stay empty).
 */
export async function applyProfileChoice({
  store,
  choice,
  templates,
  dryRun,
  report,
}: {
  store: Store;
  choice: ProfileChoice;
  templates: TemplatePlan[];
  dryRun: boolean;
  report: ImportReport;
}): Promise<void> {
  const current = await getSiteSettings({ store });
  const names = new Set([
    ...(await store.templates.list()).map((t) => t.name),
    ...templates.map((t) => t.input.name),
  ]);
  const change = Object.fromEntries(
    KINDS.flatMap((k) =>
      choice[k.key] !== undefined && choice[k.key] !== current[k.setting]
        ? [[k.setting, choice[k.key]!]]
        : [],
    ),
  ) as { stateTemplate?: string; organisationTemplate?: string };
  if (Object.keys(change).length && !dryRun) await setProfileTemplates({ store, actor: OPERATOR, ...change });
  const missing: string[] = [];
  for (const k of KINDS) {
    const now = change[k.setting] ?? current[k.setting];
    if (change[k.setting] !== undefined)
      report.settings.push(
        `${k.word}: ${dryRun ? 'would be' : 'now'} "${now}" (was "${current[k.setting]}")`,
      );
    else if (names.has(now)) report.settings.push(`${k.word}: "${now}" (unchanged)`);
    else missing.push(`${k.word} name "${now}", which does not exist`);
  }
  if (missing.length)
    report.settings.push(
      `profile templates not set: ${missing.join('; ')}. Choose them in /admin/site, or run again with ${KINDS.map((k) => `${k.option} NAME`).join(' ')} (templates: ${[...names].join(', ')})`,
    );
}
