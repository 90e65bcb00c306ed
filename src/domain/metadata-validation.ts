import { z } from 'zod';
import type { FieldError } from './schemas/common.ts';
import { DateRangeValue, GeolocationValue, LinkValue, MediaValue, PartialDate } from './schemas/entity.ts';
import type { Property, Template } from './schemas/template.ts';
import type { Thesaurus } from './schemas/thesaurus.ts';

export type { FieldError };

/** The values a property's error names: its key (a client shows its own label) and its label here. */
const about = (p: Property) => ({ property: p.name, label: p.label });

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
    // Several dates or ranges (Uwazi's multidate and multidaterange), in the order they were entered.
    case 'multidate':
      return z.array(PartialDate).max(500);
    case 'multidaterange':
      return z.array(DateRangeValue).max(500);
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
    case 'media':
      return MediaValue;
  }
}

/** A value not of its property's type; the English message keeps zod's reason, the code names the type. */
const invalidValue = (p: Property, path: string, reason: string): FieldError => ({
  path,
  message: `${p.label} (${p.type}): ${reason}`,
  code: 'invalidValue',
  params: { ...about(p), type: p.type },
});

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Property types whose values differ per language (decision 31); every other type is shared. */
// Media and images are per language as in Uwazi: a recording dubbed or subtitled, an infographic's words.
export const TRANSLATABLE_TYPES: ReadonlySet<Property['type']> = new Set([
  'text',
  'markdown',
  'link',
  'media',
  'image',
]);

/**
 * Checks an entity's translations against its template: only translatable properties, values of their type,
 * never the entity's own language (that one is `title`/`metadata`). Empty values and languages are dropped.
 */
export function validateTranslations(
  template: Pick<Template, 'properties'>,
  ownLanguage: string,
  translations: Record<string, { title?: string; metadata?: Record<string, unknown> }>,
): { ok: true; translations: typeof translations } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const clean: typeof translations = {};
  const known = new Map(template.properties.map((p) => [p.name, p]));
  for (const [lang, t] of Object.entries(translations)) {
    if (lang === ownLanguage) {
      errors.push({
        path: `translations.${lang}`,
        message: `is the entity's own language; its values go in title and metadata`,
        code: 'ownLanguage',
      });
      continue;
    }
    const out: { title?: string; metadata?: Record<string, unknown> } = {};
    if (t.title) out.title = t.title;
    for (const [key, raw] of Object.entries(t.metadata ?? {})) {
      const path = `translations.${lang}.metadata.${key}`;
      const p = known.get(key);
      if (!p) {
        errors.push({ path, message: 'is not a property of this template', code: 'notAProperty' });
        continue;
      }
      if (!TRANSLATABLE_TYPES.has(p.type)) {
        errors.push({
          path,
          message: `${p.label} (${p.type}) is shared by all languages; set it in metadata`,
          code: 'sharedValue',
          params: about(p),
        });
        continue;
      }
      if (isEmpty(raw)) continue;
      const parsed = valueSchema(p).safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const sub = issue.path.length ? `.${issue.path.join('.')}` : '';
          errors.push(invalidValue(p, path + sub, issue.message));
        }
        continue;
      }
      out.metadata = { ...out.metadata, [key]: parsed.data };
    }
    if (out.title !== undefined || out.metadata !== undefined) clean[lang] = out;
  }
  return errors.length ? { ok: false, errors } : { ok: true, translations: clean };
}

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
      errors.push({
        path: `metadata.${key}`,
        message: 'is not a property of this template',
        code: 'notAProperty',
      });
  }
  for (const p of template.properties) {
    const raw = metadata[p.name];
    const path = `metadata.${p.name}`;
    if (isEmpty(raw)) {
      if (p.required)
        errors.push({ path, message: `${p.label} is required`, code: 'required', params: about(p) });
      continue;
    }
    const parsed = valueSchema(p).safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const sub = issue.path.length ? `.${issue.path.join('.')}` : '';
        errors.push(invalidValue(p, path + sub, issue.message));
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
          errors.push({
            path,
            message: `${p.label}: "${v}" is not a value of ${p.thesaurus}`,
            code: 'notInThesaurus',
            params: { ...about(p), value: v },
          });
      }
    }
    if (p.type === 'relationship') {
      const ids = [...new Set(value as string[])];
      const found = ctx.templatesOf(ids);
      for (const id of ids) {
        const t = found.get(id);
        if (!t)
          errors.push({
            path,
            message: `${p.label}: entity "${id}" does not exist`,
            code: 'noSuchEntity',
            params: { ...about(p), id },
          });
        else if (p.targetTemplate && t !== p.targetTemplate)
          errors.push({
            path,
            message: `${p.label}: entity "${id}" is a ${t}, expected ${p.targetTemplate}`,
            code: 'wrongTemplate',
            params: { ...about(p), id, template: t, expected: p.targetTemplate },
          });
      }
      clean[p.name] = ids;
      continue;
    }
    clean[p.name] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, metadata: clean };
}
