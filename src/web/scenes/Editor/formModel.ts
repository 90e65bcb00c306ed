import { UI_LANGUAGES } from '../../../domain/languages.ts';
import { TRANSLATABLE_TYPES } from '../../../domain/metadata-validation.ts';
import type {
  Entity,
  EntityInput,
  EntityPatch,
  FieldError,
  Problem,
  Property,
  Template,
} from '../../../domain/schemas/index.ts';

/** What the editor holds while someone types: the entity's own values and its translations (decision 31). */
export type FormState = {
  title: string;
  language: string;
  published: boolean;
  metadata: Record<string, unknown>;
  translations: Record<string, { title?: string; metadata?: Record<string, unknown> }>;
};

/** The field a value or an error belongs to, in the API's own path words (`metadata.status`, `translations.fr.title`). */
export const fieldKey = (lang: string, form: Pick<FormState, 'language'>, name: 'title' | string) => {
  const own = lang === form.language;
  if (name === 'title') return own ? 'title' : `translations.${lang}.title`;
  return own ? `metadata.${name}` : `translations.${lang}.metadata.${name}`;
};

/** A row of a list field nobody filled in (an added date or date range left blank). */
const isBlankRow = (x: unknown) =>
  x === '' ||
  x === null ||
  (typeof x === 'object' && !Array.isArray(x) && Object.values(x).every((y) => y === undefined || y === ''));

export const isEmptyValue = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.every(isBlankRow));

/** Structural equality of JSON values (key order ignored), enough to tell a changed field from an untouched one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The form of an entity as stored (a copy, so typing never touches the cached entity). */
export const formOf = (
  e: Pick<Entity, 'title' | 'language' | 'published' | 'metadata' | 'translations'>,
): FormState =>
  structuredClone({
    title: e.title,
    language: e.language,
    published: e.published,
    metadata: e.metadata,
    translations: e.translations as FormState['translations'],
  });

/** A blank form for a new entity of `template`, in the reader's language. */
export const emptyForm = (language: string): FormState => ({
  title: '',
  language,
  published: false,
  metadata: {},
  translations: {},
});

/** The value shown for `name` (a property or `title`) in `lang`: the own value or the translation. */
export function valueIn(form: FormState, lang: string, name: string): unknown {
  if (lang === form.language) return name === 'title' ? form.title : form.metadata[name];
  const t = form.translations[lang];
  return name === 'title' ? t?.title : t?.metadata?.[name];
}

/** The form with one value set in one language (shared properties always go to `metadata`). */
export function withValue(form: FormState, lang: string, name: string, value: unknown): FormState {
  if (lang === form.language) {
    return name === 'title'
      ? { ...form, title: String(value ?? '') }
      : { ...form, metadata: { ...form.metadata, [name]: value } };
  }
  const t = { ...form.translations[lang] };
  if (name === 'title') t.title = value as string;
  else t.metadata = { ...t.metadata, [name]: value };
  return { ...form, translations: { ...form.translations, [lang]: t } };
}

const cleanValue = (v: unknown): unknown => {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (Array.isArray(v)) {
    const rows = v.filter((x) => !isBlankRow(x));
    return rows.length === 0 ? undefined : rows;
  }
  return v ?? undefined;
};

/**
 * The JSON Merge Patch from `base` to `form`: only the fields that differ, `null` for a value emptied (the
 * server removes it), so a save never rewrites what the editor did not touch nor erases what another one set.
 */
export function buildPatch(base: FormState, form: FormState): EntityPatch {
  const patch: EntityPatch = {};
  if (form.title.trim() !== base.title.trim()) patch.title = form.title.trim();
  if (form.published !== base.published) patch.published = form.published;
  const metadata: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base.metadata), ...Object.keys(form.metadata)])) {
    if (sameValue(base.metadata[key], form.metadata[key])) continue;
    metadata[key] = cleanValue(form.metadata[key]) ?? null;
  }
  if (Object.keys(metadata).length) patch.metadata = metadata;
  const translations: NonNullable<EntityPatch['translations']> = {};
  for (const lang of UI_LANGUAGES) {
    if (lang === form.language) continue;
    const b = base.translations[lang] ?? {};
    const f = form.translations[lang] ?? {};
    const out: { title?: string | null; metadata?: Record<string, unknown> } = {};
    if (!sameValue(b.title, f.title)) out.title = (cleanValue(f.title) as string | undefined)?.trim() ?? null;
    for (const key of new Set([...Object.keys(b.metadata ?? {}), ...Object.keys(f.metadata ?? {})])) {
      if (sameValue(b.metadata?.[key], f.metadata?.[key])) continue;
      out.metadata = { ...out.metadata, [key]: cleanValue(f.metadata?.[key]) ?? null };
    }
    if (out.title !== undefined || out.metadata) translations[lang] = out;
  }
  if (Object.keys(translations).length) patch.translations = translations;
  return patch;
}

export const isEmptyPatch = (p: EntityPatch) => Object.keys(p).filter((k) => k !== 'version').length === 0;

/** A new entity's input: empty values and empty languages left out (the server would drop them anyway). */
export function buildInput(template: string, form: FormState): EntityInput {
  const metadata = Object.fromEntries(
    Object.entries(form.metadata).flatMap(([k, v]) =>
      cleanValue(v) === undefined ? [] : [[k, cleanValue(v)]],
    ),
  );
  const translations: FormState['translations'] = {};
  for (const [lang, t] of Object.entries(form.translations)) {
    if (lang === form.language) continue;
    const m = Object.fromEntries(
      Object.entries(t.metadata ?? {}).flatMap(([k, v]) =>
        cleanValue(v) === undefined ? [] : [[k, cleanValue(v)]],
      ),
    );
    const title = (cleanValue(t.title) as string | undefined)?.trim();
    if (title || Object.keys(m).length)
      translations[lang] = { ...(title ? { title } : {}), ...(Object.keys(m).length ? { metadata: m } : {}) };
  }
  return {
    template,
    title: form.title.trim(),
    language: form.language,
    published: form.published,
    metadata,
    translations,
  };
}

/** A copy to start a new entity from: the same values, a marked title, unpublished, without generated ids. */
export function duplicateForm(
  source: FormState,
  template: Template,
  copyTitle: (title: string) => string,
): FormState {
  const form = structuredClone(source);
  form.title = copyTitle(source.title);
  form.published = false;
  for (const p of template.properties) if (p.type === 'generatedId') delete form.metadata[p.name];
  for (const t of Object.values(form.translations)) if (t.title) t.title = copyTitle(t.title);
  return form;
}

/** Field-by-field errors of a problem document, keyed by the field they belong to (`metadata.sources.0.url` → `metadata.sources`). */
export function problemErrors(
  problem: Problem | null,
  template: Template | undefined,
  /** The words for one error (lib/problems.ts `fieldErrorText` in the app); the API's English by default. */
  text: (e: FieldError) => string = (e) => e.message,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const names = new Set((template?.properties ?? []).map((p) => p.name));
  for (const e of problem?.errors ?? []) {
    const parts = e.path.split('.');
    let key = e.path;
    if (parts[0] === 'metadata' && parts[1] && names.has(parts[1])) key = `metadata.${parts[1]}`;
    else if (parts[0] === 'translations' && parts[2] === 'metadata' && parts[3])
      key = parts.slice(0, 4).join('.');
    else if (parts[0] === 'translations' && parts[2] === 'title') key = parts.slice(0, 3).join('.');
    else if (parts[0] === 'title') key = 'title';
    out.set(key, [...(out.get(key) ?? []), text(e)]);
  }
  return out;
}

/** Properties whose values differ per language: text, markdown and link (decision 31). */
export const isTranslatable = (p: Pick<Property, 'type'>) => TRANSLATABLE_TYPES.has(p.type);

/**
 * How much of a language is written: the title and each translatable property that has a value in the entity's
 * own language count; a translation counts once written. The own language counts its own filled values.
 */
export function completeness(
  form: FormState,
  template: Template,
  lang: string,
): { filled: number; total: number } {
  const translatable = template.properties.filter(isTranslatable);
  if (lang === form.language) {
    const fields = ['title', ...translatable.map((p) => p.name)];
    return {
      filled: fields.filter((n) => !isEmptyValue(valueIn(form, lang, n))).length,
      total: fields.length,
    };
  }
  const fields = [
    'title',
    ...translatable.filter((p) => !isEmptyValue(form.metadata[p.name])).map((p) => p.name),
  ];
  return { filled: fields.filter((n) => !isEmptyValue(valueIn(form, lang, n))).length, total: fields.length };
}

/** Every field that differs between two forms, in the API's path words, for the conflict view. */
export function changedFields(a: FormState, b: FormState): string[] {
  const p = buildPatch(a, b);
  const fields: string[] = [];
  if (p.title !== undefined) fields.push('title');
  if (p.published !== undefined) fields.push('published');
  for (const k of Object.keys(p.metadata ?? {})) fields.push(`metadata.${k}`);
  for (const [lang, t] of Object.entries(p.translations ?? {})) {
    if (t?.title !== undefined) fields.push(`translations.${lang}.title`);
    for (const k of Object.keys(t?.metadata ?? {})) fields.push(`translations.${lang}.metadata.${k}`);
  }
  return fields;
}

/** The value of a field named in the API's path words. */
export function valueAt(form: FormState, field: string): unknown {
  const parts = field.split('.');
  if (field === 'title') return form.title;
  if (field === 'published') return form.published;
  if (parts[0] === 'metadata') return form.metadata[parts.slice(1).join('.')];
  if (parts[0] === 'translations' && parts[1])
    return valueIn(form, parts[1], parts[2] === 'title' ? 'title' : parts.slice(3).join('.'));
  return undefined;
}

/** A short random id for a generatedId property (letters and digits people can read aloud). */
export function newGeneratedId(random: () => number = Math.random): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let out = '';
  for (let i = 0; i < 8; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}
