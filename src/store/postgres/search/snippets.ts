import { hasCjk, type QueryAst } from '../../../domain/query-language/index.ts';
import { matchRanges, queryMatcher } from '../../../domain/text-analysis/index.ts';
import { markedToHtml, markPatterns, markRanges, termPatterns } from '../../../search/highlight.ts';
import type { Snippet } from '../../../search/snippets.ts';
import { LONG_PARAGRAPH, SNIPPET_SCAN } from '../../sqlite/search/snippet-window.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';
import { type Lexicon, paragraphTsquery } from './tsquery.ts';

const MAX_SNIPPETS = 3;
/** Paragraphs scanned for literal (CJK, prefix) matches per entity. */
const CANDIDATES = 40;

/**
 * Whether paragraph `p` holds a tsquery: its vector, or for a long paragraph one of its chunks (positions
 * in a vector stop at 16,383, so a phrase past them is only in a chunk; see the search migration). The
 * text's stored size, not its length: that would decompress every text the vector does not match, and
 * bytes ≥ characters, so no long paragraph is missed (shorter ones simply have no chunks).
 */
export const paragraphHolds = (q: string) =>
  `(p.tsv @@ ${q}::tsquery OR (octet_length(p.text) > ${LONG_PARAGRAPH} AND EXISTS (SELECT 1 FROM paragraph_chunks c
     WHERE c.paragraph_rowid = p.rowid AND c.tsv @@ ${q}::tsquery)))`;

/** The language a paragraph's words were analysed in (its own, filled from its file's or entity's). */
export const PARAGRAPH_LANGUAGE = `coalesce(p.language, f.language, e.language)`;

/**
 * A paragraph's snippet: about 30 words around its first match, marked where the domain's analysis finds
 * the query (domain/text-analysis/mark.ts), looked for in its first SNIPPET_SCAN characters.
 */
export function paragraphSnippet(
  text: string,
  language: string | null,
  matcher: ReturnType<typeof queryMatcher>,
): string {
  const { ranges } = matchRanges(text.slice(0, SNIPPET_SCAN), language, matcher, 64);
  return markRanges(text, ranges, 100);
}

/**
 * Up to three snippets for each entity of a page, in one statement: paragraphs holding every clause
 * first, then those holding any, each in reading order; ts_headline runs for the ≤ 3 kept per entity only.
 */
export async function pageSnippets(
  db: SqlRunner,
  ast: QueryAst,
  lex: Lexicon,
  entityIds: string[],
  languages?: string[],
): Promise<Map<string, Snippet[]>> {
  const out = new Map<string, Snippet[]>();
  if (!ast.must.length || !entityIds.length) return out;
  const terms = ast.must.flatMap((c) =>
    c.any.map((t) => ({ text: t.text, prefix: t.kind === 'word' && t.prefix })),
  );
  if (terms.some((t) => t.prefix || hasCjk(t.text))) return patternSnippets(db, entityIds, terms);
  const every = paragraphTsquery(ast, lex);
  const some = paragraphTsquery(ast, lex, { anyClause: true });
  if (!every || !some) return out;
  // The page's paragraphs holding the words: the page's files' paragraphs, plus long paragraphs of those
  // files whose chunks hold them (phrases past 16,383 positions). A union, not an OR, so both sides stay
  // index scans. The plan must be made with the words (the provider asks for custom plans): a generic
  // plan cannot tell a frequent word from a rare one and ANDed the paragraphs' GIN bitmap of a frequent
  // word (146,000 paragraphs: 160 ms) with the page's files, where testing the page's ~1,000 paragraphs
  // takes 2–5 ms; for a rare word that GIN bitmap is the cheap way. Chunks are reached from the page's
  // long paragraphs (an array, so the planner cannot start from the chunks: it tested the 2 MB
  // paragraph's 500 chunks for every query, ~11 ms). "Every clause" is tested on the paragraphs found
  // for "any clause" only (it was a second scan of the page's paragraphs), and not at all for one clause. The entity's language is a subquery per kept row: joined, the planner
  // merged with all 5,000 entities.
  const holding = (q: string) => `
      SELECT p.rowid FROM paragraphs p WHERE p.file_id = ANY((SELECT ids FROM page_files)::text[])
        AND p.tsv @@ ${q}::tsquery
      UNION
      SELECT c.paragraph_rowid FROM paragraph_chunks c
      WHERE c.paragraph_rowid = ANY(ARRAY(SELECT p.rowid FROM paragraphs p
          WHERE p.file_id = ANY((SELECT ids FROM page_files)::text[]) AND octet_length(p.text) > ${LONG_PARAGRAPH}))
        AND c.tsv @@ ${q}::tsquery`;
  const same = some === every;
  const rows = await rowsOf<{
    id: string;
    file_id: string;
    page: number;
    entity_id: string;
    language: string | null;
    text: string;
  }>(
    db,
    `WITH page_files AS MATERIALIZED (
       SELECT array_agg(id) AS ids FROM files WHERE entity_id = ANY($1::text[])),
     any_clause AS MATERIALIZED (${holding('$2')}),
     hits AS (
       SELECT p.rowid, f.entity_id, row_number() OVER (PARTITION BY f.entity_id
         ORDER BY ${same ? '' : `${paragraphHolds('$3')} DESC, `}f.created_at, f.id, p.ordinal) AS n
       FROM any_clause s JOIN paragraphs p ON p.rowid = s.rowid JOIN files f ON f.id = p.file_id)
     SELECT p.id, p.file_id, p.page::int AS page, h.entity_id,
       coalesce(p.language, f.language, (SELECT e.language FROM entities e WHERE e.id = h.entity_id)) AS language,
       left(p.text, ${SNIPPET_SCAN}) AS text
     FROM hits h JOIN paragraphs p ON p.rowid = h.rowid JOIN files f ON f.id = p.file_id
     WHERE h.n <= ${MAX_SNIPPETS} ORDER BY h.entity_id, h.n`,
    same ? [entityIds, some] : [entityIds, some, every],
  );
  const matcher = queryMatcher(ast, languages);
  for (const r of rows) {
    const list = out.get(r.entity_id) ?? [];
    const html = markedToHtml(paragraphSnippet(r.text, r.language, matcher));
    list.push({ paragraphId: r.id, fileId: r.file_id, page: r.page, html });
    out.set(r.entity_id, list);
  }
  return out;
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Snippets found and marked outside the text search (CJK and prefix terms), best (most terms) first.
 * Only a paragraph's first LONG_PARAGRAPH characters are matched, as only they are marked: matching the
 * whole of a 2 MB paragraph case-insensitively took ~200 ms a query.
 */
async function patternSnippets(
  db: SqlRunner,
  entityIds: string[],
  terms: { text: string; prefix: boolean }[],
): Promise<Map<string, Snippet[]>> {
  const cjk = terms.some((t) => hasCjk(t.text));
  const rows = await rowsOf<{ id: string; file_id: string; page: number; entity_id: string; text: string }>(
    db,
    `SELECT id, file_id, page, entity_id, text FROM (
       SELECT p.id, p.file_id, p.page::int AS page, f.entity_id, left(p.text, ${LONG_PARAGRAPH}) AS text,
         row_number() OVER (PARTITION BY f.entity_id ORDER BY p.file_id, p.ordinal) AS n
       FROM files f JOIN paragraphs p ON p.file_id = f.id
       WHERE f.entity_id = ANY($1::text[])
         AND left(p.text, ${LONG_PARAGRAPH}) ${cjk ? 'LIKE' : 'ILIKE'} ANY($2::text[])) x
     WHERE n <= ${CANDIDATES} ORDER BY entity_id, n`,
    [entityIds, terms.map((t) => likePattern(t.text))],
  );
  const patterns = termPatterns(terms);
  const byEntity = new Map<string, typeof rows>();
  for (const r of rows) byEntity.set(r.entity_id, [...(byEntity.get(r.entity_id) ?? []), r]);
  const out = new Map<string, Snippet[]>();
  for (const [entityId, list] of byEntity)
    out.set(
      entityId,
      list
        .map((p, i) => ({ p, i, m: markPatterns(p.text, patterns, { maxRanges: 64 }) }))
        .filter((x) => x.m.ranges.length)
        .sort((a, b) => b.m.terms - a.m.terms || a.i - b.i)
        .slice(0, MAX_SNIPPETS)
        .map(({ p, m }) => ({
          paragraphId: p.id,
          fileId: p.file_id,
          page: p.page,
          html: markedToHtml(m.marked),
        })),
    );
  return out;
}
