import { tagMissing, tagValue } from '../domain/query-language/index.ts';
import type { DocMeta } from '../store/sqlite/search/queries.ts';

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
 * One FTS5 expression over the zero-weighted `tags` column per filter: facet values are tokens, so the
 * filter is answered inside the same MATCH as the words (no btree join, see research/tech.md).
 * `and`: every value; `or`: any value; `missing` adds "or has no value".
 */
export function filterExpressions(
  filters: Record<string, FilterInput>,
  defs: Map<string, FacetDef>,
  hints: string[],
): string[] {
  const out: string[] = [];
  for (const [name, f] of Object.entries(filters)) {
    if (!defs.has(name)) {
      hints.push(`There is no filter "${name}" here; it was ignored.`);
      continue;
    }
    const values = [...new Set(f.values.filter(Boolean))];
    const tokens = values.map((v) => `"${tagValue(name, v)}"`);
    const parts: string[] = [];
    if (tokens.length)
      parts.push(tokens.length === 1 ? tokens[0]! : `(${tokens.join(f.op === 'and' ? ' AND ' : ' OR ')})`);
    if (f.missing) parts.push(`"${tagMissing(name)}"`);
    if (parts.length) out.push(`tags : ${parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`}`);
  }
  return out;
}

export type FacetResult = { buckets: { value: string; label: string; count: number }[]; missing: number };

/**
 * Exact counts over the matched set: each entity counts once per value it has; `missing` counts entities
 * of templates having the property but no value. Selected values stay listed even when their count is 0.
 */
export function countFacets(
  docs: DocMeta[],
  defs: Map<string, FacetDef>,
  selected: Record<string, FilterInput>,
  labelOf: (def: FacetDef, values: string[]) => Map<string, string>,
): Record<string, FacetResult> {
  const all = new Map<string, number>();
  for (const d of docs) for (const k of d.facetKeys) all.set(k, (all.get(k) ?? 0) + 1);
  const counts = new Map<string, Map<string, number>>();
  const missing = new Map<string, number>();
  for (const name of defs.keys()) {
    counts.set(name, new Map());
    missing.set(name, 0);
  }
  for (const [key, n] of all) {
    const cut = key.indexOf('\u0000');
    const name = key.slice(0, cut);
    const value = key.slice(cut + 1);
    if (!counts.has(name)) continue;
    if (value === '') missing.set(name, n);
    else counts.get(name)!.set(value, n);
  }
  const out: Record<string, FacetResult> = {};
  for (const [name, def] of defs) {
    const c = counts.get(name)!;
    for (const v of selected[name]?.values ?? []) if (!c.has(v)) c.set(v, 0);
    const labels = labelOf(def, [...c.keys()]);
    const buckets = [...c.entries()].map(([value, count]) => ({
      value,
      label: labels.get(value) ?? value,
      count,
    }));
    buckets.sort((a, b) =>
      def.type === 'date'
        ? b.value.localeCompare(a.value)
        : b.count - a.count || a.label.localeCompare(b.label),
    );
    out[name] = { buckets, missing: missing.get(name)! };
  }
  return out;
}
