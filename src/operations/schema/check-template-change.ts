import type { PropertyChange, TemplateCheck } from '../../domain/schemas/schema-admin.ts';
import {
  type Template,
  type TemplateInput,
  TemplateInput as TemplateInputSchema,
} from '../../domain/schemas/template.ts';
import { applyTemplateChange, planTemplateChange } from '../../domain/template-change.ts';
import type { Store } from '../../store/store.ts';
import { fieldErrors, NotFound, OperationError, ValidationFailed } from '../errors.ts';
import { type Actor, requireRole } from '../permissions.ts';
import { conversionContext } from './conversion-context.ts';

/** Entities read per round while checking. */
const CHECK_BATCH = 500;
const EXAMPLES = 5;

/** A template PUT that would remove stored values and was not confirmed: the 409 carries the check. */
export class TemplateChangeNeedsConfirmation extends OperationError {
  override name = 'TemplateChangeNeedsConfirmation';
  constructor(readonly check: TemplateCheck) {
    const lost = check.changes.filter((c) => c.change === 'removed' || c.wouldNotConvert > 0);
    super(
      `Saving would remove values from entities: ${lost
        .map((c) =>
          c.change === 'removed'
            ? `${c.label} (removed; ${c.withValue} entities hold a value)`
            : `${c.label} (${c.wouldNotConvert} of ${c.withValue} values would not convert to ${c.to})`,
        )
        .join('; ')}. Nothing was saved; send the change again with ?confirm=true to save it anyway.`,
    );
  }
}

/**
 * What saving `next` over the stored template would do to its entities' values, read from every entity
 * (in rounds of CHECK_BATCH): per removed or changed property, how many hold a value and how many of those
 * would not convert (with a few examples); per newly required property, how many have no value.
 */
export async function checkTemplateChange(
  store: Store,
  current: Template,
  next: TemplateInput,
): Promise<TemplateCheck> {
  const plan = planTemplateChange(current, next);
  const changes = new Map<string, PropertyChange>();
  for (const p of plan.removed)
    changes.set(p.name, {
      property: p.name,
      label: p.label,
      change: 'removed',
      from: p.type,
      to: null,
      withValue: 0,
      wouldNotConvert: 0,
      examples: [],
    });
  for (const c of plan.changed) {
    const describe = (p: typeof c.from) =>
      c.change === 'type'
        ? p.type
        : c.change === 'thesaurus'
          ? (p.thesaurus ?? '')
          : (p.targetTemplate ?? '');
    changes.set(c.from.name, {
      property: c.from.name,
      label: c.to.label,
      change: c.change,
      from: describe(c.from),
      to: describe(c.to),
      withValue: 0,
      wouldNotConvert: 0,
      examples: [],
    });
  }
  const missing = new Map(plan.required.map((p) => [p.name, { property: p.name, label: p.label, count: 0 }]));
  let entities = 0;
  if (changes.size || missing.size) {
    for (let after = ''; ; ) {
      const ids = await store.entities.idsOfTemplate(current.name, after, CHECK_BATCH);
      if (ids.length === 0) break;
      after = ids.at(-1)!;
      const batch = await store.entities.findMany(ids);
      const ctx = await conversionContext(store, plan, batch);
      for (const e of batch) {
        const { held, lost } = applyTemplateChange(e.metadata, plan, ctx);
        for (const name of held) changes.get(name)!.withValue++;
        for (const name of lost) {
          const c = changes.get(name)!;
          if (c.change === 'removed') continue;
          c.wouldNotConvert++;
          if (c.examples.length < EXAMPLES)
            c.examples.push({ entityId: e.id, title: e.title, value: e.metadata[name] });
        }
        for (const m of missing.values()) {
          const v = e.metadata[m.property];
          if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) m.count++;
        }
      }
    }
  }
  entities = await store.entities.countOfTemplate(current.name);
  const list = [...changes.values()];
  return {
    template: current.name,
    entities,
    changes: list,
    missingRequired: [...missing.values()].filter((m) => m.count > 0),
    needsConfirmation: list.some((c) => (c.change === 'removed' ? c.withValue > 0 : c.wouldNotConvert > 0)),
  };
}

/** `POST /templates/:name/check` (admins): the check of a change to a stored template, nothing saved. */
export async function checkTemplate({
  store,
  actor,
  name,
  input,
}: {
  store: Store;
  actor: Actor;
  name: string;
  input: TemplateInput;
}): Promise<TemplateCheck> {
  requireRole(actor, 'admin');
  const parsed = TemplateInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error.issues));
  const current = await store.templates.findByName(name);
  if (!current) throw new NotFound('Template', name);
  return checkTemplateChange(store, current, parsed.data);
}
