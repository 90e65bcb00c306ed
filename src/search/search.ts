import type Database from 'better-sqlite3';
import {
  boostPhrase,
  compileMatch,
  parseQuery,
  TAG_ALL,
  TAG_PUBLISHED,
  tagTemplate,
} from '../domain/query-language/index.ts';
import { thesaurusLabels, titlesOf } from '../store/sqlite/search/entity-index.ts';
import {
  ENTITY_TEXT_COLUMNS,
  loadEntities,
  loadTemplates,
  matchAmong,
  matchEntities,
} from '../store/sqlite/search/queries.ts';
import { comparator, decodeCursor, encodeCursor, firstAfter, type Ranked, type SortMode } from './cursor.ts';
import { docMeta } from './doc-cache.ts';
import {
  countFacets,
  type FacetDef,
  type FacetResult,
  type FilterInput,
  facetDefinitions,
  filterExpressions,
} from './facets.ts';
import { entitySnippets, type Snippet } from './snippets.ts';

export type Viewer = { canSeeUnpublished: boolean };

export type SearchParams = {
  q?: string;
  filters?: Record<string, FilterInput>;
  template?: string;
  yearFrom?: number;
  yearTo?: number;
  sort?: SortMode;
  cursor?: string;
  limit?: number;
  viewer: Viewer;
  /** Off for exports: no snippets, no facets. */
  snippets?: boolean;
  facets?: boolean;
};

export type SearchItem = {
  entity: {
    id: string;
    title: string;
    template: string;
    metadata: Record<string, unknown>;
    published: boolean;
  };
  score: number;
  snippets: Snippet[];
};

export type SearchResult = {
  total: number;
  items: SearchItem[];
  facets: Record<string, FacetResult>;
  nextCursor: string | null;
  hints: string[];
};

/** Entities among the best-scored that get checked for the words side by side. */
const PHRASE_CANDIDATES = 200;

/**
 * "An exact phrase ranks above scattered words": of the best PHRASE_CANDIDATES entities, those holding
 * the typed words side by side move above the rest. Checked per candidate (an indexed rowid lookup)
 * rather than OR-ing the phrase into the main MATCH, which made FTS5 compare positions in every
 * matching entity (two-term p95 154 ms → see bench/.out/search.md). Deterministic, so paging is stable.
 */
function boostAdjacentWords(
  sqlite: Database.Database,
  ast: ReturnType<typeof parseQuery>['ast'],
  sorted: Ranked[],
  cmp: (a: Ranked, b: Ranked) => number,
) {
  const phrase = boostPhrase(ast, { columns: ENTITY_TEXT_COLUMNS });
  if (!phrase || sorted.length < 2) return;
  const top = sorted.slice(0, PHRASE_CANDIDATES);
  const hits = matchAmong(
    sqlite,
    phrase,
    top.map((r) => r.meta.docid),
  );
  if (!hits.size) return;
  const bonus = Math.abs(top[0]!.score) + 1;
  for (const r of top) if (hits.has(r.meta.docid)) r.score += bonus;
  sorted.sort(cmp);
}

function labeller(sqlite: Database.Database) {
  let thesauri: ReturnType<typeof thesaurusLabels> | null = null;
  return (def: FacetDef, values: string[]): Map<string, string> => {
    if (def.type === 'relationship') return titlesOf(sqlite, values);
    if (def.type === 'date') return new Map(values.map((v) => [v, v]));
    thesauri ??= thesaurusLabels(sqlite);
    return thesauri.get(def.thesaurus ?? '') ?? new Map();
  };
}

/**
 * Ranked entity search with facets and cursor paging, on one consistent snapshot (a read transaction).
 * Relevance is bm25 over the entity index (title ×10, metadata ×4, full text ×1); several plain words
 * also match as a phrase, which adds to the score of entities holding them side by side.
 */
export function search(sqlite: Database.Database, params: SearchParams): SearchResult {
  return sqlite.transaction(() => runSearch(sqlite, params))();
}

function runSearch(sqlite: Database.Database, params: SearchParams): SearchResult {
  const { ast, hints } = parseQuery(params.q ?? '');
  const limit = Math.max(1, Math.min(params.limit ?? 20, 1000));
  const defs = facetDefinitions(loadTemplates(sqlite), params.template);
  const filters = params.filters ?? {};
  const tagFilters = filterExpressions(filters, defs, hints);
  if (params.template) tagFilters.push(`tags : "${tagTemplate(params.template)}"`);
  if (!params.viewer.canSeeUnpublished) tagFilters.push(`tags : "${TAG_PUBLISHED}"`);
  const match = compileMatch(ast, {
    columns: ENTITY_TEXT_COLUMNS,
    filters: tagFilters,
    base: `tags : "${TAG_ALL}"`,
  });
  const meta = docMeta(sqlite);
  const from = params.yearFrom !== undefined ? String(params.yearFrom).padStart(4, '0') : null;
  const to = params.yearTo !== undefined ? String(params.yearTo).padStart(4, '0') : null;
  const matched: Ranked[] = [];
  let rows: { docid: number; score: number }[] = [];
  try {
    rows = matchEntities(sqlite, match);
  } catch (err) {
    // Unreachable by design (user text is always quoted); if it happens, an empty page beats a 500.
    hints.push('This search could not be run; try fewer or simpler words.');
    console.warn('search: FTS5 rejected a compiled query', { match, error: (err as Error).message });
  }
  for (const { docid, score } of rows) {
    const m = meta.get(docid);
    if (!m) continue;
    const year = m.dateKey.slice(0, 4);
    if ((from || to) && (!year || (from && year < from) || (to && year > to))) continue;
    matched.push({ meta: m, score });
  }
  const sort: SortMode =
    params.sort === 'relevance' && !ast.must.length ? 'title' : (params.sort ?? 'relevance');
  const cmp = comparator(sort);
  matched.sort(cmp);
  if (sort === 'relevance') boostAdjacentWords(sqlite, ast, matched, cmp);
  const after = decodeCursor(params.cursor, sort);
  if (params.cursor && !after) hints.push('The page link was out of date; showing the first page.');
  const start = after ? firstAfter(matched, after, cmp) : 0;
  const page = matched.slice(start, start + limit);
  const entities = loadEntities(
    sqlite,
    page.map((p) => p.meta.entityId),
  );
  const items: SearchItem[] = [];
  for (const p of page) {
    const entity = entities.get(p.meta.entityId);
    if (!entity) continue;
    items.push({
      entity,
      score: p.score,
      snippets: params.snippets === false ? [] : entitySnippets(sqlite, ast, p.meta.entityId),
    });
  }
  const facets =
    params.facets === false
      ? {}
      : countFacets(
          matched.map((r) => r.meta),
          defs,
          filters,
          labeller(sqlite),
        );
  const last = page[page.length - 1];
  return {
    total: matched.length,
    items,
    facets,
    nextCursor: last && start + limit < matched.length ? encodeCursor(sort, last) : null,
    hints,
  };
}
