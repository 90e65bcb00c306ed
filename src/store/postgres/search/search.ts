import { parseQuery, type QueryAst } from '../../../domain/query-language/index.ts';
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
  type ActiveFilter,
  activeFilters,
  countFacets,
  type FacetDef,
  facetDefinitions,
  passesAll,
} from '../../../search/facets.ts';
import { languageLabels, withLanguageFacet } from '../../../search/language-facet.ts';
import type { SearchItem, SearchParams, SearchResult } from '../../../search/search.ts';
import { unseenFor } from '../../../search/unseen.ts';
import { FULL_RANK_CANDIDATES } from '../../sqlite/search/ranking.ts';
import { tagMissing, tagValue } from '../../sqlite/search/tag-tokens.ts';
import { entityTitles } from './entity-index.ts';
import { markTexts } from './field-marks.ts';
import { type Catalog, ENTITY_TS_WEIGHTS, loadEntities } from './queries.ts';
import { pageSnippets } from './snippets.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';
import { boostPhrase, compileText, type Lexicon, type PhraseCheck, paragraphTsquery } from './tsquery.ts';

/** Collects statement parameters; `add` returns the placeholder. */
export class Params {
  readonly values: unknown[] = [];
  add = (value: unknown) => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

/**
 * "The entity's title, metadata or one of its paragraphs holds the phrase". Not the entity's full vector:
 * checking positions there reads (decompresses) it for every entity holding the words, and positions
 * stop at 16,383, past which no phrase would be found. The paragraphs (and long paragraphs' chunks) that
 * may hold it come from the word-pairs index (migration-word-pairs.ts), or when the phrase has no pairs
 * from those holding all its words; positions are checked on those only.
 */
export const phraseCheck: PhraseCheck = (q, pairs, exact) => {
  // With pairs, the phrase is checked by @@'s function, which no index serves: ANDed with the words' GIN
  // bitmap, the pairs' exact one would be rechecked row by row, recomputing cp_word_pairs (~1 ms a row).
  // A phrase of two words is its pair: no check beyond the index (pairsAreExact).
  const holds = (v: string) =>
    pairs
      ? `cp_word_pairs(${v}) @@ ${pairs}::tsquery${exact ? '' : ` AND ts_match_vq(${v}, ${q}::tsquery)`}`
      : `${v} @@ ${q}::tsquery`;
  return `(rank_tsv @@ ${q}::tsquery OR entity_id IN (SELECT f.entity_id FROM paragraphs p JOIN files f ON f.id = p.file_id
     WHERE ${holds('p.tsv')}) OR entity_id IN (SELECT f.entity_id FROM paragraph_chunks c
     JOIN paragraphs p ON p.rowid = c.paragraph_rowid JOIN files f ON f.id = p.file_id WHERE ${holds('c.tsv')}))`;
};

/** A facet filter as SQL on `tags`: the same test as `passes` (facets.ts) on the cached keys. */
function filterSql(f: ActiveFilter, param: (v: unknown) => string): string {
  const tokens = f.selected.map((v, i) => (f.values[i]! >= 0 ? tagValue(f.name, v) : null));
  const missing = f.missingKey >= 0 ? [tagMissing(f.name)] : [];
  const known = tokens.filter((t): t is string => t !== null);
  if (f.op === 'or') {
    const all = [...known, ...missing];
    return all.length ? `tags && ${param(all)}::text[]` : 'false';
  }
  const every = known.length && known.length === tokens.length ? `tags @> ${param(known)}::text[]` : 'false';
  return missing.length ? `(${every} OR tags && ${param(missing)}::text[])` : every;
}

type Match = { matched: Ranked[]; universe: Doc[] };

/**
 * Every entity matching the words, visibility, facet filters and year range, scored when asked. The
 * scored statement carries every filter, so ts_rank reads the tsvector of the entities that pass them
 * only; with an OR filter, a second, unscored statement without the filters finds what facet counts leave
 * that filter out over (GIN only, no tsvector read), and the cached keys decide the rest, as in FTS5.
 */
async function matchEntities(
  db: SqlRunner,
  input: {
    ast: QueryAst;
    lex: Lexicon;
    docs: Map<number, Doc>;
    template?: string;
    publishedOnly: boolean;
    filters: ActiveFilter[];
    scored: boolean;
    /** The typed words as a phrase, for the phrase bonus (boostPhrase), or null. */
    phrase: string | null;
    universe: boolean;
    from: string | null;
    to: string | null;
  },
): Promise<Match> {
  const statement = (withFilters: boolean, scored: boolean) => {
    const p = new Params();
    const text = compileText(input.ast, input.lex, p.add, phraseCheck);
    if (!text.possible) return null;
    const where = [...text.where];
    if (input.template) where.push(`template = ${p.add(input.template)}`);
    if (input.publishedOnly) where.push('published');
    if (withFilters) for (const f of input.filters) where.push(filterSql(f, p.add));
    const score =
      scored && text.rank ? `ts_rank('${ENTITY_TS_WEIGHTS}', rank_tsv, ${p.add(text.rank)}::tsquery)` : '0';
    return {
      sql: `SELECT docid, ${score} AS score FROM search_entities ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params: p.values,
      rank: text.rank,
    };
  };
  const run = async (withFilters: boolean, scored: boolean) => {
    const s = statement(withFilters, scored);
    return s ? rowsOf<{ docid: number; score: number }>(db, s.sql, s.params) : [];
  };
  const rank = input.scored ? statement(false, true)?.rank : null;
  const { from, to } = input;
  const accept = (docid: number): Doc | null => {
    const m = input.docs.get(docid);
    if (!m) return null;
    if (from || to) {
      const year = m.dateKey.slice(0, 4);
      if (!year || (from && year < from) || (to && year > to)) return null;
    }
    return m;
  };
  const matched: Ranked[] = [];
  for (const r of await run(true, input.scored)) {
    const m = accept(r.docid);
    if (m) matched.push({ meta: m, score: r.score });
  }
  if (rank) await rankFully(db, matched, rank, input.phrase);
  const split = input.universe && input.filters.some((f) => f.op === 'or');
  if (!split) return { matched, universe: matched.map((r) => r.meta) };
  const universe: Doc[] = [];
  for (const r of await run(false, false)) {
    const m = accept(r.docid);
    if (m) universe.push(m);
  }
  // The scored statement and the cached keys agree on the filters; keep the order of the scored one.
  return { matched: matched.filter((r) => passesAll(r.meta, input.filters)), universe };
}

/**
 * The best FULL_RANK_CANDIDATES matches by their small vector are ranked again on their full text (the
 * candidates of a page: a page, even a later one, is taken from the top of this order). With `phrase`
 * (two or more plain words), those of them holding the words side by side then move above the rest, as
 * in the FTS5 engine ("an exact phrase ranks above scattered words"): one read of each full vector serves
 * both.
 */
async function rankFully(db: SqlRunner, matched: Ranked[], rank: string, phrase: string | null) {
  if (matched.length < 2) return;
  const { top } = topAfter(matched, comparator('relevance'), null, FULL_RANK_CANDIDATES);
  const rows = await rowsOf<{ docid: number; score: number; phrase: boolean }>(
    db,
    `SELECT docid, ts_rank('${ENTITY_TS_WEIGHTS}', tsv, $2::tsquery) AS score,
       coalesce(tsv @@ $3::tsquery OR rank_tsv @@ $3::tsquery, false) AS phrase
     FROM search_entities WHERE docid = ANY($1::int[])`,
    [top.map((r) => r.meta.docid), rank, phrase],
  );
  const full = new Map(rows.map((r) => [r.docid, r]));
  for (const r of top) r.score = Math.max(r.score, full.get(r.meta.docid)?.score ?? r.score);
  if (!phrase || !rows.some((r) => r.phrase)) return;
  const bonus = Math.max(...top.map((r) => Math.abs(r.score))) + 1;
  for (const r of top) if (full.get(r.meta.docid)?.phrase) r.score += bonus;
}

/** Facet value labels; a relationship value only when the viewer may see the entity it names. */
async function labels(
  db: SqlRunner,
  cache: DocCache,
  thesauri: Catalog['thesauri'],
  facets: Map<string, FacetDef>,
  viewer: Viewer,
) {
  const relValues = [...cache.keys.id.keys()]
    .map((k) => k.split('\u0000') as [string, string])
    .filter(([p, v]) => v && facets.get(p)?.type === 'relationship')
    .map(([, v]) => v)
    .filter((v) => !cache.titles.has(v));
  for (const [id, t] of await entityTitles(db, relValues)) cache.titles.set(id, t);
  return (def: FacetDef, values: string[]): Map<string, string> => {
    if (def.type === 'relationship') {
      const out = new Map<string, string>();
      for (const v of values) {
        const t = cache.titles.get(v);
        if (t && canSee(viewer, t)) out.set(v, t.title);
      }
      return out;
    }
    if (def.type === 'date') return new Map(values.map((v) => [v, v]));
    if (def.type === 'language') return languageLabels(values);
    return thesauri.get(def.thesaurus ?? '') ?? new Map();
  };
}

/**
 * Ranked entity search with facets and cursor paging on one snapshot (the caller's read-only
 * transaction): the PostgreSQL twin of src/search/search.ts, sharing its facet counting, cursors, cards
 * and visibility code, so both engines answer alike.
 */
export async function runSearch(
  db: SqlRunner,
  cache: DocCache,
  catalog: Catalog,
  lexicon: (ast: QueryAst, languages?: string[]) => Promise<Lexicon>,
  params: SearchParams,
  /** Hears the entities that counted in the total or a facet's universe (the result cache's record). */
  counted?: (docs: Doc[]) => void,
): Promise<SearchResult> {
  const parsed = parseQuery(params.q ?? '');
  const { hints } = parsed;
  const ast = segmentCjkClauses(parsed.ast);
  const languages = queryLanguages(params.filters);
  const limit = Math.max(1, Math.min(params.limit ?? 20, 1000));
  const templateRows = catalog.templates;
  const defs = withLanguageFacet(
    facetDefinitions(templateRows, params.template),
    templateRows.filter((t) => !params.template || t.name === params.template),
  );
  const { keys } = cache;
  const unseen = unseenFor(params.viewer, cache);
  const filters = activeFilters(params.filters ?? {}, defs, keys, hints, unseen?.value);
  const sort: SortMode =
    params.sort === 'relevance' && !ast.must.length ? 'title' : (params.sort ?? 'relevance');
  const wantFacets = params.facets !== false;
  const lex = await lexicon(ast, languages);
  const { matched, universe } = await matchEntities(db, {
    ast,
    lex,
    docs: cache.docs,
    template: params.template,
    publishedOnly: publishedOnly(params.viewer),
    filters,
    scored: sort === 'relevance',
    phrase: sort === 'relevance' ? boostPhrase(ast, lex) : null,
    universe: wantFacets,
    from: params.yearFrom !== undefined ? String(params.yearFrom).padStart(4, '0') : null,
    to: params.yearTo !== undefined ? String(params.yearTo).padStart(4, '0') : null,
  });
  counted?.(universe); // every match is in it (matchEntities)
  const cmp = comparator(sort);
  const after = decodeCursor(params.cursor, sort);
  if (params.cursor && !after) hints.push('The page link was out of date; showing the first page.');
  const { top: page, following } = topAfter(matched, cmp, after, limit);
  const entities = await loadEntities(
    db,
    page.map((p) => p.meta.entityId),
  );
  const templates = new Map<string, CardTemplate>(
    templateRows.map((t) => [t.name, { label: t.label, properties: t.properties as Property[] }]),
  );
  const cards = params.snippets !== false && params.cards !== false;
  const labelMaps = catalog.thesauri;
  const titlesOnCards = cards
    ? await entityTitles(
        db,
        [...entities.values()].flatMap(({ entity: e }) =>
          relationTargetIds(templates.get(e.template), e.metadata),
        ),
      )
    : new Map();
  const snippets =
    params.snippets === false
      ? new Map()
      : await pageSnippets(
          db,
          ast,
          lex,
          page.map((p) => p.meta.entityId),
          languages,
        );
  const marker = cards
    ? await markTexts(
        db,
        ast,
        lex,
        [...entities.values()].map(({ entity, language }) => ({ ...entity, language })),
        templates,
        titlesOnCards,
        params.viewer,
        languages,
      )
    : undefined;
  const items: SearchItem[] = [];
  for (const p of page) {
    const entity = entities.get(p.meta.entityId)?.entity;
    if (!entity) continue;
    const template = templates.get(entity.template);
    const found = snippets.get(entity.id) ?? [];
    items.push({
      entity: unseen
        ? { ...entity, metadata: unseen.metadata(entity.template, entity.metadata, templateRows) }
        : entity,
      templateLabel: template?.label ?? entity.template,
      facts: cards
        ? cardFacts(template, entity.metadata, {
            labels: labelMaps,
            titles: titlesOnCards,
            viewer: params.viewer,
          })
        : [],
      score: p.score,
      snippets: found,
      fields: cards
        ? fieldSnippets(ast, { metadata: entity.metadata }, template, {
            titles: titlesOnCards,
            viewer: params.viewer,
            fallback: found.length === 0,
            mark: marker,
          })
        : [],
    });
  }
  const facets = wantFacets
    ? countFacets(
        universe,
        filters,
        defs,
        keys,
        await labels(db, cache, catalog.thesauri, defs, params.viewer),
      )
    : {};
  unseen?.facets(facets, defs, new Map(filters.map((f) => [f.name, f.selected])));
  const last = page[page.length - 1];
  return {
    total: matched.length,
    items,
    facets,
    nextCursor: last && following > limit ? encodeCursor(sort, last) : null,
    hints,
  };
}

export { paragraphTsquery };
