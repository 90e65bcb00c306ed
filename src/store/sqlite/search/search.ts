import type Database from 'better-sqlite3';
import { parseQuery } from '../../../domain/query-language/index.ts';
import type { Property } from '../../../domain/schemas/template.ts';
import { queryLanguages, segmentCjkClauses } from '../../../domain/text-analysis/index.ts';
import { canSee, publishedOnly, type Viewer } from '../../../domain/visibility.ts';
import { type CardTemplate, cardFacts, fieldSnippets, relationTargetIds } from '../../../search/card.ts';
import {
  comparator,
  decodeCursor,
  encodeCursor,
  type Ranked,
  type SortMode,
  topAfter,
} from '../../../search/cursor.ts';
import type { Doc, DocCache } from '../../../search/doc-cache.ts';
import {
  activeFilters,
  countFacets,
  type FacetDef,
  facetDefinitions,
  facetResults,
  type KeyCounts,
} from '../../../search/facets.ts';
import { languageLabels, withLanguageFacet } from '../../../search/language-facet.ts';
import type { SearchItem, SearchParams, SearchResult } from '../../../search/search.ts';
import { unseenFor } from '../../../search/unseen.ts';
import { docCache } from './doc-cache.ts';
import { thesaurusLabels } from './entity-index.ts';
import { frequentWordPage } from './frequent-word.ts';
import { boostPhrase, compilePositive } from './fts5-query.ts';
import { highlightTexts } from './highlight-texts.ts';
import { listedWordsMatch } from './listed-words.ts';
import { matchEntities } from './match.ts';
import {
  ENTITY_TEXT_COLUMNS,
  entityTitles,
  loadEntitiesWithLanguage,
  loadTemplates,
  matchIds,
} from './queries.ts';
import { PHRASE_CANDIDATES } from './ranking.ts';
import { entitySnippets } from './snippets.ts';
import { span } from './spans.ts';
import { TAG_PUBLISHED, tagTemplate } from './tag-tokens.ts';

/**
 * "An exact phrase ranks above scattered words": of the best PHRASE_CANDIDATES entities, those holding
 * the typed words side by side move above the rest. One docid-only MATCH of the phrase (with the
 * query's filters) rather than OR-ing it into the ranked MATCH (FTS5 then scores positions in every
 * matching entity: two-term p95 154 ms) or one rowid lookup per candidate (each re-reads the words'
 * doclists: 16 ms median, 74 ms p95 for 200; one MATCH: 0.6 / 3 ms). Deterministic: paging is stable.
 */
function boostAdjacentWords(
  sqlite: Database.Database,
  ast: ReturnType<typeof parseQuery>['ast'],
  restrict: string[],
  matched: Ranked[],
  cmp: (a: Ranked, b: Ranked) => number,
  languages: string[] | undefined,
) {
  const phrase = boostPhrase(ast, { columns: ENTITY_TEXT_COLUMNS, languages });
  if (!phrase || matched.length < 2) return;
  const hits = new Set(matchIds(sqlite, [phrase, ...restrict].map((p) => `(${p})`).join(' AND ')));
  if (!hits.size) return;
  const { top } = topAfter(matched, cmp, null, PHRASE_CANDIDATES);
  const bonus = Math.abs(top[0]!.score) + 1;
  for (const r of top) if (hits.has(r.meta.docid)) r.score += bonus;
}

/**
 * Facet value labels. A relationship value is the title of the entity it points to, and only of one the
 * viewer may see: an anonymous reader gets no label (and so no bucket) for an unpublished state.
 */
function labeller(sqlite: Database.Database, titles: DocCache['titles'], viewer: Viewer) {
  let thesauri: ReturnType<typeof thesaurusLabels> | null = null;
  return (def: FacetDef, values: string[]): Map<string, string> => {
    if (def.type === 'relationship') {
      const unknown = values.filter((v) => !titles.has(v));
      if (unknown.length) for (const [id, t] of entityTitles(sqlite, unknown)) titles.set(id, t);
      const out = new Map<string, string>();
      for (const v of values) {
        const t = titles.get(v);
        if (t && canSee(viewer, t)) out.set(v, t.title);
      }
      return out;
    }
    if (def.type === 'date') return new Map(values.map((v) => [v, v]));
    if (def.type === 'language') return languageLabels(values);
    thesauri ??= thesaurusLabels(sqlite);
    return thesauri.get(def.thesaurus ?? '') ?? new Map();
  };
}

/**
 * Ranked entity search with facets and cursor paging, on one consistent snapshot (a read transaction).
 * Relevance is bm25 over the entity index (title ×10, metadata ×4, full text ×1); several plain words
 * also match as a phrase, which adds to the score of entities holding them side by side.
 */
export function search(
  sqlite: Database.Database,
  params: SearchParams,
  counted?: (docids: Doc[] | null) => void,
): SearchResult {
  return sqlite.transaction(() => runSearch(sqlite, params, counted))();
}

/**
 * `counted` (the result cache's record, cache-feed.ts) hears the entities that counted in the total or
 * a facet's universe, or null when a frequent word's kept holders (a superset) stand for them.
 */
function runSearch(
  sqlite: Database.Database,
  params: SearchParams,
  counted?: (docids: Doc[] | null) => void,
): SearchResult {
  const parsed = parseQuery(params.q ?? '');
  const { hints } = parsed;
  const ast = segmentCjkClauses(parsed.ast);
  const languages = queryLanguages(params.filters);
  const limit = Math.max(1, Math.min(params.limit ?? 20, 1000));
  const templateRows = loadTemplates(sqlite);
  const defs = withLanguageFacet(
    facetDefinitions(templateRows, params.template),
    templateRows.filter((t) => !params.template || t.name === params.template),
  );
  const cache = span('docCache', () => docCache(sqlite));
  const { docs, keys, titles } = cache;
  const unseen = unseenFor(params.viewer, cache);
  const filters = activeFilters(params.filters ?? {}, defs, keys, hints, unseen?.value);
  const visibility: string[] = [];
  if (params.template) visibility.push(`tags : "${tagTemplate(params.template)}"`);
  if (publishedOnly(params.viewer)) visibility.push(`tags : "${TAG_PUBLISHED}"`);
  const sort: SortMode =
    params.sort === 'relevance' && !ast.must.length ? 'title' : (params.sort ?? 'relevance');
  const wantFacets = params.facets !== false;
  const input = {
    ast,
    docs,
    visibility,
    filters,
    scored: sort === 'relevance',
    universe: wantFacets,
    from: params.yearFrom !== undefined ? String(params.yearFrom).padStart(4, '0') : null,
    to: params.yearTo !== undefined ? String(params.yearTo).padStart(4, '0') : null,
    languages,
  };
  const cmp = comparator(sort);
  const after = decodeCursor(params.cursor, sort);
  if (params.cursor && !after) hints.push('The page link was out of date; showing the first page.');
  // A frequent word: the page comes from its top list, the total and facets from its kept holders.
  const byLists = sort === 'relevance' && !languages;
  const listQuery = {
    ast,
    cache,
    template: params.template,
    publishedOnly: publishedOnly(params.viewer),
    filters,
    visibility,
    from: input.from,
    to: input.to,
    cmp,
    after,
    limit,
    wantFacets,
  };
  const frequent = byLists ? span('frequentWordPage', () => frequentWordPage(sqlite, listQuery)) : null;
  let found: { total: number; counts: KeyCounts | null; universe: Doc[]; top: Ranked[]; following: number };
  if (frequent) found = { ...frequent, universe: [] };
  else {
    // Several listed words: matched and scored from their stored holders (decision 76), else by FTS5.
    const listed = byLists ? listedWordsMatch(sqlite, listQuery) : null;
    const all = listed ?? matchEntities(sqlite, input);
    if ('hints' in all) hints.push(...all.hints);
    if (sort === 'relevance')
      boostAdjacentWords(
        sqlite,
        ast,
        [...visibility, ...filters.map((f) => f.expr)],
        all.matched,
        cmp,
        languages,
      );
    const paged = topAfter(all.matched, cmp, after, limit);
    found = { total: all.matched.length, counts: listed?.counts ?? null, universe: all.universe, ...paged };
  }
  counted?.(frequent ? null : found.universe);
  const { top: page, following } = found;
  const entities = span('loadEntities', () =>
    loadEntitiesWithLanguage(
      sqlite,
      page.map((p) => p.meta.entityId),
    ),
  );
  const templates = new Map<string, CardTemplate>(
    templateRows.map((t) => [t.name, { label: t.label, properties: t.properties as Property[] }]),
  );
  const cards = params.snippets !== false && params.cards !== false;
  const labels = cards ? thesaurusLabels(sqlite) : new Map<string, Map<string, string>>();
  const titlesOnCards = cards
    ? entityTitles(
        sqlite,
        [...entities.values()].flatMap((e) => relationTargetIds(templates.get(e.template), e.metadata)),
      )
    : new Map();
  const items: SearchItem[] = [];
  for (const p of page) {
    const found = entities.get(p.meta.entityId);
    if (!found) continue;
    const { language, ...entity } = found;
    const template = templates.get(entity.template);
    const snippets =
      params.snippets === false
        ? []
        : span('entitySnippets', () => entitySnippets(sqlite, ast, p.meta.entityId, languages));
    items.push({
      entity: unseen
        ? { ...entity, metadata: unseen.metadata(entity.template, entity.metadata, templateRows) }
        : entity,
      templateLabel: template?.label ?? entity.template,
      facts: cards
        ? cardFacts(template, entity.metadata, {
            labels,
            titles: titlesOnCards,
            viewer: params.viewer,
          })
        : [],
      score: p.score,
      snippets,
      fields: cards
        ? span('fieldSnippets', () =>
            fieldSnippets(ast, { metadata: entity.metadata }, template, {
              titles: titlesOnCards,
              viewer: params.viewer,
              fallback: snippets.length === 0,
              mark: (texts) => {
                const match = compilePositive(ast, { columns: ['text'], anyClause: true, languages });
                return match ? highlightTexts(texts, match, language ?? null) : new Map<number, string>();
              },
            }),
          )
        : [],
    });
  }
  const labelOf = labeller(sqlite, titles, params.viewer);
  const facets = span('facets', () =>
    !wantFacets
      ? {}
      : found.counts
        ? facetResults(found.counts, filters, defs, keys, labelOf)
        : countFacets(found.universe, filters, defs, keys, labelOf),
  );
  unseen?.facets(facets, defs, new Map(filters.map((f) => [f.name, f.selected])));
  const last = page[page.length - 1];
  return {
    total: found.total,
    items,
    facets,
    nextCursor: last && following > limit ? encodeCursor(sort, last) : null,
    hints,
  };
}
