import type { EntityChange } from './schemas/entity.ts';

/** The fields of an entity a write can change, as diffed and reverted. */
export type DiffedEntity = {
  title: string;
  language: string;
  published: boolean;
  metadata: Record<string, unknown>;
  /** Per-language title and texts (decision 31); absent on states logged before it. */
  translations?: Record<string, { title?: string; metadata?: Record<string, unknown> } | undefined>;
  lastReviewed: unknown;
};

const TOP_FIELDS = ['title', 'language', 'published', 'lastReviewed'] as const;

/** Same JSON value, key order ignored (metadata objects may come back from JSON in another order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const rb = b as Record<string, unknown>;
  return (
    ka.length === kb.length && ka.every((k) => k in rb && sameValue((a as Record<string, unknown>)[k], rb[k]))
  );
}

/** Every diffed path of a state's translations: `translations.<lang>.title`, `….metadata.<key>`. */
function translationFields(state: DiffedEntity | null): string[] {
  return Object.entries(state?.translations ?? {}).flatMap(([lang, t]) => [
    ...(t?.title !== undefined ? [`translations.${lang}.title`] : []),
    ...Object.keys(t?.metadata ?? {}).map((k) => `translations.${lang}.metadata.${k}`),
  ]);
}

/**
 * The field-level difference of two states of an entity: one entry per changed top-level field, per
 * changed metadata key (`metadata.<key>`) and per changed translated value (`translations.<lang>.title`,
 * `translations.<lang>.metadata.<key>`). `before` absent: the field did not exist (a create, a new key);
 * `after` absent: it was removed (a delete, a key set to null). A null state is "no entity".
 */
export function diffEntity(before: DiffedEntity | null, after: DiffedEntity | null): EntityChange[] {
  const changes: EntityChange[] = [];
  const push = (field: string, b: unknown, a: unknown) => {
    if (b !== undefined && a !== undefined && sameValue(b, a)) return;
    if (b === undefined && a === undefined) return;
    changes.push({
      field,
      ...(b === undefined ? {} : { before: b }),
      ...(a === undefined ? {} : { after: a }),
    });
  };
  for (const f of TOP_FIELDS) push(f, before?.[f], after?.[f]);
  const keys = new Set([...Object.keys(before?.metadata ?? {}), ...Object.keys(after?.metadata ?? {})]);
  for (const k of [...keys].sort()) push(`metadata.${k}`, before?.metadata[k], after?.metadata[k]);
  const translated = new Set([...translationFields(before), ...translationFields(after)]);
  for (const f of [...translated].sort())
    push(f, before && fieldValue(before, f), after && fieldValue(after, f));
  return changes;
}

/** The value a diffed field has in a state (undefined: absent). */
export function fieldValue(state: DiffedEntity, field: string): unknown {
  if (field.startsWith('metadata.')) return state.metadata[field.slice('metadata.'.length)];
  const t = /^translations\.([a-z]{2})\.(title|metadata\.(.+))$/.exec(field);
  if (t) {
    const lang = state.translations?.[t[1]!];
    return t[2] === 'title' ? lang?.title : lang?.metadata?.[t[3]!];
  }
  return (state as Record<string, unknown>)[field];
}

/**
 * The state with one diffed field set to `value` (undefined removes it), for a revert. Returns a new state;
 * a language left without values is dropped.
 */
export function withField<T extends DiffedEntity>(state: T, field: string, value: unknown): T {
  if (field.startsWith('metadata.')) {
    const metadata = { ...state.metadata };
    const key = field.slice('metadata.'.length);
    if (value === undefined) delete metadata[key];
    else metadata[key] = value;
    return { ...state, metadata };
  }
  const t = /^translations\.([a-z]{2})\.(title|metadata\.(.+))$/.exec(field);
  if (t) {
    const translations = { ...state.translations };
    const lang = { ...translations[t[1]!], metadata: { ...translations[t[1]!]?.metadata } };
    if (t[2] === 'title') {
      if (value === undefined) delete lang.title;
      else lang.title = value as string;
    } else if (value === undefined) delete lang.metadata[t[3]!];
    else lang.metadata[t[3]!] = value;
    const hasMetadata = Object.keys(lang.metadata).length > 0;
    const next = {
      ...(lang.title !== undefined ? { title: lang.title } : {}),
      ...(hasMetadata ? { metadata: lang.metadata } : {}),
    };
    if (Object.keys(next).length) translations[t[1]!] = next;
    else delete translations[t[1]!];
    return { ...state, translations };
  }
  // Top-level fields are never removed, only given their old value back.
  return value === undefined ? state : { ...state, [field]: value };
}
