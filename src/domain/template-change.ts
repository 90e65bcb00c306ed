import { convertValue, definitionChange } from './convert-value.ts';
import type { ValidationContext } from './metadata-validation.ts';
import type { Property, Template } from './schemas/template.ts';

/** What a new version of a template does to the values stored under the old one. */
export type TemplateChangePlan = {
  /** Properties gone: their values are dropped. */
  removed: Property[];
  /** Properties whose type, thesaurus or target template changed: their values are converted. */
  changed: { from: Property; to: Property; change: 'type' | 'thesaurus' | 'targetTemplate' }[];
  /** Properties now required (new, or made required). */
  required: Property[];
};

/** Compares two versions of a template's properties by name (a property's name is its key in metadata). */
export function planTemplateChange(
  before: Pick<Template, 'properties'>,
  after: Pick<Template, 'properties'>,
): TemplateChangePlan {
  const next = new Map(after.properties.map((p) => [p.name, p]));
  const prev = new Map(before.properties.map((p) => [p.name, p]));
  const plan: TemplateChangePlan = { removed: [], changed: [], required: [] };
  for (const p of before.properties) {
    const to = next.get(p.name);
    if (!to) plan.removed.push(p);
    else {
      const change = definitionChange(p, to);
      if (change) plan.changed.push({ from: p, to, change });
    }
  }
  for (const p of after.properties) if (p.required && !prev.get(p.name)?.required) plan.required.push(p);
  return plan;
}

/** Whether a plan touches stored values at all (else only the search index has to follow). */
export const touchesValues = (plan: TemplateChangePlan) => plan.removed.length > 0 || plan.changed.length > 0;

/** One entity's metadata under the new template, and the properties whose value was lost on the way. */
export function applyTemplateChange(
  metadata: Record<string, unknown>,
  plan: TemplateChangePlan,
  ctx: ValidationContext,
): { metadata: Record<string, unknown>; lost: string[]; held: string[] } {
  const out = { ...metadata };
  const lost: string[] = [];
  const held: string[] = [];
  for (const p of plan.removed) {
    if (!(p.name in out)) continue;
    held.push(p.name);
    lost.push(p.name);
    delete out[p.name];
  }
  for (const { from, to } of plan.changed) {
    if (!(from.name in out)) continue;
    held.push(from.name);
    const c = convertValue(out[from.name], from, to, ctx);
    if (c.ok) out[to.name] = c.value;
    else {
      lost.push(from.name);
      delete out[from.name];
    }
  }
  return { metadata: out, lost, held };
}

const KEEPS_TRANSLATIONS = new Set<Property['type']>(['text', 'markdown']);

/**
 * An entity's translations under the new template: a removed property's texts go, and so do those of a
 * property that is no longer text or markdown (other types are shared by every language).
 */
export function applyToTranslations<
  T extends Partial<Record<string, { metadata?: Record<string, unknown> }>>,
>(translations: T, plan: TemplateChangePlan): T {
  const gone = new Set([
    ...plan.removed.map((p) => p.name),
    ...plan.changed
      .filter((c) => !(KEEPS_TRANSLATIONS.has(c.from.type) && KEEPS_TRANSLATIONS.has(c.to.type)))
      .map((c) => c.from.name),
  ]);
  if (gone.size === 0) return translations;
  const out: Record<string, unknown> = {};
  for (const [lang, t] of Object.entries(translations)) {
    if (!t) continue;
    const metadata = Object.fromEntries(Object.entries(t.metadata ?? {}).filter(([k]) => !gone.has(k)));
    out[lang] = { ...t, ...(t.metadata ? { metadata } : {}) };
  }
  return out as T;
}
