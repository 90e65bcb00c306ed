import type { EntityChange } from './schemas/entity.ts';

/** The fields of an entity a write can change, as diffed and reverted. */
export type DiffedEntity = {
  title: string;
  language: string;
  published: boolean;
  metadata: Record<string, unknown>;
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

/**
 * The field-level difference of two states of an entity: one entry per changed top-level field and per
 * changed metadata key (`metadata.<key>`). `before` absent: the field did not exist (a create, a new key);
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
  return changes;
}

/** The value a diffed field has in a state (undefined: absent). */
export function fieldValue(state: DiffedEntity, field: string): unknown {
  if (field.startsWith('metadata.')) return state.metadata[field.slice('metadata.'.length)];
  return (state as Record<string, unknown>)[field];
}
