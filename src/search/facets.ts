import { type Doc, type FacetKeys, keyName } from './doc-cache.ts';
import { tagMissing, tagValue } from './tag-tokens.ts';

/** A facet: one filterable select/multiselect/relationship/date property (merged across templates by name). */
export type FacetDef = {
  name: string;
  label: string;
  type: string;
  thesaurus?: string;
  templates: Set<string>;
};

const FACET_TYPES = new Set(['select', 'multiselect', 'relationship', 'date']);

/** Facets of one template, or of all templates (a property name shared by templates is one facet). */
export function facetDefinitions(
  templates: {
    name: string;
    properties: { name: string; label: string; type: string; filterable?: boolean; thesaurus?: string }[];
  }[],
  template?: string,
): Map<string, FacetDef> {
  const defs = new Map<string, FacetDef>();
  for (const t of templates) {
    if (template && t.name !== template) continue;
    for (const p of t.properties) {
      if (!p.filterable || !FACET_TYPES.has(p.type)) continue;
      const d = defs.get(p.name);
      if (d) d.templates.add(t.name);
      else
        defs.set(p.name, {
          name: p.name,
          label: p.label,
          type: p.type,
          thesaurus: p.thesaurus,
          templates: new Set([t.name]),
        });
    }
  }
  return defs;
}

export type FilterInput = { values: string[]; op: 'and' | 'or'; missing?: boolean };

/**
 * A filter in the two forms a search needs: an FTS5 expression over the zero-weighted `tags` column
 * (facet values are tokens, so words + filters are one MATCH, see research/tech.md), and facet key ids
 * for checking cached entities, which is how the counts leave one facet's own filter out.
 */
export type ActiveFilter = {
  name: string;
  op: 'and' | 'or';
  expr: string;
  /** The selected values, as given (deduplicated). */
  selected: string[];
  /** Key ids of the values (-1: no entity has that value); `accept[k]` is 1 for each of them. */
  values: number[];
  accept: Uint8Array;
  /** Key id of "no value" when `missing` is asked (and some entity lacks a value), else -1. */
  missingKey: number;
};

// A tag no entity has: what a value the reader may not see is matched as (see activeFilters).
const NO_ENTITY_TAG = 'zznone';

/**
 * The filters that apply, in both forms. `and`: every value; `or`: any value; `missing` adds "or has no
 * value". Filters on properties that are not facets here are dropped with a hint. A value `unseen` names
 * (an unpublished entity, for anonymous readers) matches nothing, as an unknown id would: otherwise
 * filtering by its id would tell which published entities link to it.
 */
export function activeFilters(
  filters: Record<string, FilterInput>,
  defs: Map<string, FacetDef>,
  keys: FacetKeys,
  hints: string[],
  unseen?: (def: FacetDef | undefined, value: string) => boolean,
): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  for (const [name, f] of Object.entries(filters)) {
    if (!defs.has(name)) {
      hints.push(`There is no filter "${name}" here; it was ignored.`);
      continue;
    }
    const values = [...new Set(f.values.filter(Boolean))];
    if (!values.length && !f.missing) continue;
    const op = f.op === 'and' ? 'and' : 'or';
    const hidden = (v: string) => unseen?.(defs.get(name), v) ?? false;
    const tokens = values.map((v) => `"${hidden(v) ? NO_ENTITY_TAG : tagValue(name, v)}"`);
    const parts: string[] = [];
    if (tokens.length)
      parts.push(tokens.length === 1 ? tokens[0]! : `(${tokens.join(op === 'and' ? ' AND ' : ' OR ')})`);
    if (f.missing) parts.push(`"${tagMissing(name)}"`);
    const ids = values.map((v) => (hidden(v) ? -1 : (keys.id.get(keyName(name, v)) ?? -1)));
    const accept = new Uint8Array(keys.property.length);
    for (const k of ids) if (k >= 0) accept[k] = 1;
    out.push({
      name,
      op,
      expr: `tags : ${parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`}`,
      selected: values,
      values: ids,
      accept,
      missingKey: f.missing ? (keys.id.get(keyName(name, '')) ?? -1) : -1,
    });
  }
  return out;
}

/** Whether a cached entity passes one filter: the same test as the filter's FTS5 expression. */
export const passes = (doc: Doc, f: ActiveFilter): boolean => passesKeys(doc.keys, 0, doc.keys.length, f);

/** `passes` over an entity's keys kept at `at`..`end` of a flat array (a reader's snapshot of every entity). */
export function passesKeys(keys: Int32Array, at: number, end: number, f: ActiveFilter): boolean {
  let hits = 0;
  // Indexed loops over the typed arrays: for…of here was a third of the counting time.
  for (let i = at; i < end; i++) {
    const k = keys[i]!;
    if (k === f.missingKey) return true;
    if (f.accept[k]) {
      if (f.op === 'or') return true;
      hits++;
    }
  }
  return f.op === 'and' && hits > 0 && hits === f.values.length;
}

/** Whether a cached entity passes every filter. */
export function passesAll(doc: Doc, filters: ActiveFilter[]): boolean {
  for (let i = 0; i < filters.length; i++) if (!passes(doc, filters[i]!)) return false;
  return true;
}

// One collator for every sort: String#localeCompare builds one per call (~1 ms for 193 state labels).
const byText = new Intl.Collator().compare;

export type FacetResult = {
  buckets: { value: string; label: string; count: number }[];
  missing: number;
  /** True when the counts leave out this facet's own filter (an "any of" facet with a selection). */
  selfExcluded: boolean;
};

/**
 * Exact counts. `universe` holds the entities matching the words, visibility and year range that pass
 * every facet filter, or all but one OR filter (others may be there too: they never count). An entity counts for a facet when it passes every filter, or, for a facet filtered
 * with OR ("any of"), when the facet's own filter is the only one it fails: a second value of that
 * facet shows how many entities ticking it would add. AND facets keep their own filter (ticking more
 * values only narrows). `missing` counts entities of templates having the property but no value.
 * Selected values stay listed even when their count is 0.
 */
export function countFacets(
  universe: Doc[],
  filters: ActiveFilter[],
  defs: Map<string, FacetDef>,
  keys: FacetKeys,
  labelOf: (def: FacetDef, values: string[]) => Map<string, string>,
): Record<string, FacetResult> {
  return facetResults(countKeys(universe, filters, keys), filters, defs, keys, labelOf);
}

/**
 * Per facet key, how many entities of the universe count for it: `all` (passing every filter) and `self`
 * (failing only the OR filter of the key's own facet). Split from the labelling so an engine holding
 * these counts already (a frequent word's, kept per write) skips the pass over its matches.
 */
export type KeyCounts = { all: Int32Array; self: Int32Array };

export function countKeys(universe: Doc[], filters: ActiveFilter[], keys: FacetKeys): KeyCounts {
  const all = new Int32Array(keys.property.length);
  const self = new Int32Array(keys.property.length);
  for (const d of universe) {
    let failed = -1;
    let fails = 0;
    for (let i = 0; i < filters.length && fails < 2; i++)
      if (!passes(d, filters[i]!)) {
        fails++;
        failed = i;
      }
    const dk = d.keys;
    if (fails === 0) for (let i = 0; i < dk.length; i++) all[dk[i]!]!++;
    else if (fails === 1 && filters[failed]!.op === 'or') {
      const own = filters[failed]!.name;
      for (let i = 0; i < dk.length; i++) if (keys.property[dk[i]!] === own) self[dk[i]!]!++;
    }
  }
  return { all, self };
}

/** Facet buckets from key counts (arrays shorter than the dictionary count 0 for the keys they lack). */
export function facetResults(
  { all, self }: KeyCounts,
  filters: ActiveFilter[],
  defs: Map<string, FacetDef>,
  keys: FacetKeys,
  labelOf: (def: FacetDef, values: string[]) => Map<string, string>,
): Record<string, FacetResult> {
  const out: Record<string, FacetResult> = {};
  for (const [name, def] of defs) {
    const selfExcluded = filters.some((f) => f.name === name && f.op === 'or');
    const c = new Map<string, number>();
    let missing = 0;
    for (const k of keys.byProperty.get(name) ?? []) {
      const n = (all[k] ?? 0) + (selfExcluded ? (self[k] ?? 0) : 0);
      if (keys.value[k] === '') missing = n;
      else if (n > 0) c.set(keys.value[k]!, n);
    }
    for (const f of filters) if (f.name === name) for (const v of f.selected) if (!c.has(v)) c.set(v, 0);
    const labels = labelOf(def, [...c.keys()]);
    const picked = new Set(filters.filter((f) => f.name === name).flatMap((f) => f.selected));
    // A relationship value without a label points to an entity the viewer may not see (or one deleted);
    // one the reader selected stays, so the filter they typed is still shown (and can be removed).
    const buckets = [...c.entries()]
      .filter(([value]) => def.type !== 'relationship' || labels.has(value) || picked.has(value))
      .map(([value, count]) => ({ value, label: labels.get(value) ?? value, count }));
    buckets.sort((a, b) =>
      def.type === 'date' ? byText(b.value, a.value) : b.count - a.count || byText(a.label, b.label),
    );
    out[name] = { buckets, missing, selfExcluded };
  }
  return out;
}
