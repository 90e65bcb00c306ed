import { API_BASE } from '../../api/client.ts';

/** How a facet combines its ticked values. */
export type FacetOp = 'and' | 'or';
export type Sort = 'relevance' | 'date' | 'title';
export const SORTS: Sort[] = ['relevance', 'date', 'title'];

/** One facet's selection as held in the URL (`f.<p>`, `op.<p>`, `missing.<p>`). */
export type FacetSelection = { values: string[]; op: FacetOp; missing: boolean };

/** The whole search state, read from the URL. */
export type SearchState = { q: string; sort: Sort; facets: Record<string, FacetSelection> };

// Only these URL parameters reach the API (plus `f.`, `op.`, `missing.` ones): the rest is the app's own.
const PASSED = new Set(['q', 'template', 'yearFrom', 'yearTo', 'sort']);
const FACET_PARAM = /^(f|op|missing)\.([a-z][a-zA-Z0-9]{0,63})$/;

/** Reads the search state from the URL parameters (same names as GET /api/v1/search). */
export function readSearchState(params: URLSearchParams): SearchState {
  const facets: Record<string, FacetSelection> = {};
  const get = (name: string) => {
    facets[name] ??= { values: [], op: 'or', missing: false };
    return facets[name];
  };
  for (const [key, value] of params) {
    const m = FACET_PARAM.exec(key);
    if (!m) continue;
    const [, kind, name] = m as unknown as [string, string, string];
    if (kind === 'f') get(name).values.push(...value.split(',').filter(Boolean));
    if (kind === 'op') get(name).op = value === 'and' ? 'and' : 'or';
    if (kind === 'missing') get(name).missing = ['1', 'true', 'yes'].includes(value);
  }
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'relevance',
    facets,
  };
}

/** True when the URL asks for anything (words or a filter): the page searches only then. */
export const hasCriteria = (s: SearchState): boolean =>
  s.q.trim() !== '' || Object.values(s.facets).some((f) => f.values.length > 0 || f.missing);

/** The API query string for the URL's state (cursor and limit excluded), stable for a given state. */
export function apiQuery(params: URLSearchParams): string {
  const out = new URLSearchParams();
  const keys = [...new Set(params.keys())].sort();
  for (const key of keys) {
    if (!PASSED.has(key) && !FACET_PARAM.test(key)) continue;
    const value = params.getAll(key).join(',');
    if (value) out.set(key, value);
  }
  return out.toString();
}

/** Link to the whole result set as a file (same query as the page; the CSV in the reader's language). */
export const exportHref = (query: string, format: 'csv' | 'json', lang?: string, allLanguages = false) =>
  `${API_BASE}/search/export?${query ? `${query}&` : ''}format=${format}${lang && format === 'csv' ? `&lang=${lang}` : ''}${allLanguages && format === 'csv' ? '&languages=all' : ''}`;

/** URL changes for one facet's new selection ('' clears a parameter). */
export function facetChanges(name: string, sel: FacetSelection): Record<string, string> {
  return {
    [`f.${name}`]: sel.values.join(','),
    [`op.${name}`]: sel.op === 'and' ? 'and' : '',
    [`missing.${name}`]: sel.missing ? '1' : '',
  };
}

/** Snippet HTML the server escapes, with matched words in `<mark>`: anything else is shown as text. */
export const SAFE_SNIPPET = /^(?:[^<]|<\/?mark>)*$/;
