import { z } from 'zod';
import { DateRangeValue, GeolocationValue, LinkValue, PartialDate } from './schemas/entity.ts';
import type { Property, Template } from './schemas/template.ts';
import type { Thesaurus } from './schemas/thesaurus.ts';

/** One reason a metadata value was refused. */
export type FieldError = { path: string; message: string };

/** What the validator needs to know beyond the template: thesauri by name and which related ids exist. */
export type ValidationContext = {
  thesauri: Map<string, Pick<Thesaurus, 'values'>>;
  /** Returns the template name of each given entity id that exists. */
  templatesOf: (ids: string[]) => Map<string, string>;
};

const idList = z.array(z.string().min(1)).max(2000);

function valueSchema(p: Property): z.ZodTypeAny {
  switch (p.type) {
    case 'text':
    case 'generatedId':
      return z.string().max(10_000);
    case 'markdown':
      return z.string().max(200_000);
    case 'number':
      return z.number().finite();
    case 'date':
      return PartialDate;
    case 'daterange':
      return DateRangeValue;
    case 'select':
      return z.string().min(1);
    case 'multiselect':
      return z.array(z.string().min(1)).max(500);
    case 'relationship':
      return idList;
    case 'link':
      return z.array(LinkValue).max(20);
    case 'geolocation':
      return GeolocationValue;
    case 'image':
      return z.string().max(2000);
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks metadata against its template and returns the cleaned metadata or one error per field.
 * Empty values are dropped so that "missing" is one state, not three.
 */
export function validateMetadata(
  template: Pick<Template, 'properties'>,
  metadata: Record<string, unknown>,
  ctx: ValidationContext,
): { ok: true; metadata: Record<string, unknown> } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean: Record<string, unknown> = {};
  const known = new Map(template.properties.map((p) => [p.name, p]));
  for (const key of Object.keys(metadata)) {
    if (!known.has(key))
      errors.push({ path: `metadata.${key}`, message: 'is not a property of this template' });
  }
  for (const p of template.properties) {
    const raw = metadata[p.name];
    const path = `metadata.${p.name}`;
    if (isEmpty(raw)) {
      if (p.required) errors.push({ path, message: `${p.label} is required` });
      continue;
    }
    const parsed = valueSchema(p).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const sub = issue.path.length ? `.${issue.path.join('.')}` : '';
        errors.push({ path: path + sub, message: `${p.label} (${p.type}): ${issue.message}` });
      }
      continue;
    }
    const value = parsed.data;
    if (p.type === 'select' || p.type === 'multiselect') {
      const thesaurus = ctx.thesauri.get(p.thesaurus ?? '');
      const allowed = new Set(thesaurus?.values.map((v) => v.id));
      const picked = Array.isArray(value) ? (value as string[]) : [value as string];
      for (const v of picked) {
        if (!allowed.has(v))
          errors.push({ path, message: `${p.label}: "${v}" is not a value of ${p.thesaurus}` });
      }
    }
    if (p.type === 'relationship') {
      const ids = [...new Set(value as string[])];
      const found = ctx.templatesOf(ids);
      for (const id of ids) {
        const t = found.get(id);
        if (!t) errors.push({ path, message: `${p.label}: entity "${id}" does not exist` });
        else if (p.targetTemplate && t !== p.targetTemplate)
          errors.push({
            path,
            message: `${p.label}: entity "${id}" is a ${t}, expected ${p.targetTemplate}`,
          });
      }
      clean[p.name] = ids;
      continue;
    }
    clean[p.name] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, metadata: clean };
}
