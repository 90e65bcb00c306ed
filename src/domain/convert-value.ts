import { labelKey } from './csv/csv-cells.ts';
import { type ValidationContext, validateMetadata } from './metadata-validation.ts';
import type { Property } from './schemas/template.ts';

/** A value that became a value of the new definition, or the reason it could not. */
export type Converted = { ok: true; value: unknown } | { ok: false };

const NO: Converted = { ok: false };
const STRINGS = new Set<Property['type']>(['text', 'markdown', 'generatedId']);
const ADDRESSES = new Set<Property['type']>(['media', 'image']);

/**
 * The label of a thesaurus value in the default language, or the id when the value is unknown (a select
 * turned into text keeps what readers saw, not the stored id).
 */
const labelOf = (ctx: ValidationContext, thesaurus: string | undefined, id: string) =>
  (ctx.thesauri.get(thesaurus ?? '')?.values as { id: string; label?: string }[] | undefined)?.find(
    (v) => v.id === id,
  )?.label ?? id;

/** The id of the thesaurus value whose id or label (any language) is this text, if one is. */
function valueFor(ctx: ValidationContext, thesaurus: string | undefined, text: string): string | undefined {
  const values = (ctx.thesauri.get(thesaurus ?? '')?.values ?? []) as {
    id: string;
    label?: string;
    labels?: Record<string, string>;
  }[];
  const key = labelKey(text);
  return values.find(
    (v) =>
      v.id === text ||
      labelKey(v.label ?? '') === key ||
      Object.values(v.labels ?? {}).some((l) => labelKey(l) === key),
  )?.id;
}

/** The value reshaped for the new type, before validation (which decides whether it fits). */
function reshape(value: unknown, from: Property, to: Property, ctx: ValidationContext): unknown {
  const a = from.type;
  const b = to.type;
  if (a === b) return value;
  if (STRINGS.has(a) && STRINGS.has(b)) return value;
  const one = (v: unknown) => (Array.isArray(v) ? (v.length === 1 ? v[0] : undefined) : v);
  if (b === 'text' || b === 'markdown') {
    if (a === 'number' || a === 'date') return String(value);
    if (a === 'select') return labelOf(ctx, from.thesaurus, value as string);
    if (a === 'multiselect')
      return (value as string[]).map((id) => labelOf(ctx, from.thesaurus, id)).join(', ');
    if (a === 'multidate') return (value as string[]).join(', ');
    if (a === 'link') return (value as { url: string }[]).map((l) => l.url).join(' ');
    if (ADDRESSES.has(a)) return String(value);
    return undefined;
  }
  // A media or image value is an address: it carries over between the two, from a text holding one, and
  // from a link's one address (validation refuses what is not an http(s) URL or a path on this site).
  if (ADDRESSES.has(b)) {
    if (ADDRESSES.has(a) || STRINGS.has(a)) return String(value).trim();
    if (a === 'link') return one((value as { url: string }[]).map((l) => l.url));
    return undefined;
  }
  if (b === 'link' && ADDRESSES.has(a) && /^https?:/i.test(String(value))) return [{ label: '', url: value }];
  if (b === 'number') {
    if (STRINGS.has(a) && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
      return Number(value);
    // A year is the one date a number holds without loss.
    if (a === 'date' && /^\d{4}$/.test(String(value))) return Number(value);
    return undefined;
  }
  if (b === 'date') {
    if (a === 'multidate') return one(value);
    if (a === 'number' && Number.isInteger(value)) return String(value);
    if (STRINGS.has(a)) return String(value).trim();
    return undefined;
  }
  if (b === 'multidate') return a === 'date' ? [value] : STRINGS.has(a) ? [String(value).trim()] : undefined;
  if (b === 'daterange') return a === 'multidaterange' ? one(value) : undefined;
  if (b === 'multidaterange') return a === 'daterange' ? [value] : undefined;
  if (b === 'select') {
    if (a === 'multiselect') return one(value);
    if (STRINGS.has(a)) return valueFor(ctx, to.thesaurus, String(value)) ?? undefined;
    return undefined;
  }
  if (b === 'multiselect') {
    if (a === 'select') return [value];
    if (STRINGS.has(a)) {
      const ids = String(value)
        .split(/[,;|]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => valueFor(ctx, to.thesaurus, s));
      return ids.every(Boolean) ? ids : undefined;
    }
    return undefined;
  }
  if (b === 'link' && STRINGS.has(a)) return [{ label: '', url: String(value).trim() }];
  // Relationships and places carry nothing another type's value could become.
  return undefined;
}

/**
 * What a stored value becomes when its property's definition changes (type, thesaurus, target template):
 * reshaped where the meaning carries over (a select becomes a one-value multiselect, a number its text, a
 * text a value whose label it is), then validated exactly as an entity write would. Anything else does not
 * convert; the caller removes it, after saying how many (the template check).
 */
export function convertValue(
  value: unknown,
  from: Property,
  to: Property,
  ctx: ValidationContext,
): Converted {
  const shaped = reshape(value, from, to, ctx);
  if (shaped === undefined || shaped === null) return NO;
  const checked = validateMetadata({ properties: [{ ...to, required: false }] }, { [to.name]: shaped }, ctx);
  if (!checked.ok) return NO;
  const out = checked.metadata[to.name];
  return out === undefined ? NO : { ok: true, value: out };
}

/** Whether a property's definition changed in a way that asks its values to be converted. */
export function definitionChange(
  from: Property,
  to: Property,
): 'type' | 'thesaurus' | 'targetTemplate' | null {
  if (from.type !== to.type) return 'type';
  if ((from.type === 'select' || from.type === 'multiselect') && from.thesaurus !== to.thesaurus)
    return 'thesaurus';
  if (from.type === 'relationship' && (from.targetTemplate ?? '') !== (to.targetTemplate ?? ''))
    return 'targetTemplate';
  return null;
}
