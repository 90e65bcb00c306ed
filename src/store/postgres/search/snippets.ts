import { hasCjk, type QueryAst } from '../../../domain/query-language/index.ts';
import { markedToHtml, markPatterns, termPatterns } from '../../../search/highlight.ts';
import type { Snippet } from '../../../search/snippets.ts';
import { LONG_PARAGRAPH, SNIPPET_SCAN } from '../../sqlite/search/snippet-window.ts';
import { SNIPPET_OPTIONS, windowSnippet, withEllipses } from './headline.ts';
import { CHUNK } from './migration.ts';
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

/** The configuration a paragraph's words were indexed with (its language, its file's, its entity's). */
export const PARAGRAPH_CONFIG = `cp_search_config(coalesce(p.language, f.language, e.language))`;

/**
 * Up to three snippets for each entity of a page, in one statement: paragraphs holding every clause
 * first, then those holding any, each in reading order; ts_headline runs for the ≤ 3 kept per entity only.
 */
export async function pageSnippets(
  db: SqlRunner,
  ast: QueryAst,
  lex: Lexicon,
  entityIds: string[],
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
  // Per file, in reading order, the first paragraphs holding every clause, then (with several clauses)
  // the first holding some but not all: ordered scans of the file's paragraphs that stop at the third
  // match, so a frequent word costs a few paragraphs per file, not its whole GIN posting list (100,000
  // paragraphs; ~50 ms a page on a loaded machine). A rare word scans the page's files whole: their
  // paragraphs, not the corpus's. ts_headline then runs for the ≤ 3 kept per entity only.
  const first = (q: string, tier: number, extra = '') => `(
        SELECT p.rowid, ${tier} AS tier, p.ordinal FROM paragraphs p
        WHERE p.file_id = pf.id AND ${paragraphHolds(q)}${extra} ORDER BY p.ordinal LIMIT ${MAX_SNIPPETS})`;
  const tiers =
    every === some
      ? first('$3', 0)
      : `${first('$3', 0)} UNION ALL ${first('$2', 1, ` AND NOT ${paragraphHolds('$3')}`)}`;
  const rows = await rowsOf<{
    id: string;
    file_id: string;
    page: number;
    entity_id: string;
    config: string;
    marked: string | null;
    text: string;
    more: boolean;
    first_chunk: number | null;
  }>(
    db,
    `WITH hits AS (
       SELECT h.rowid, pf.entity_id, row_number() OVER (PARTITION BY pf.entity_id
         ORDER BY h.tier, pf.created_at, pf.id, h.ordinal) AS n
       FROM files pf CROSS JOIN LATERAL (${tiers}) h
       WHERE pf.entity_id = ANY($1::text[]))
     SELECT p.id, p.file_id, p.page::int AS page, h.entity_id, c.config::text AS config,
       CASE WHEN length(left(p.text, ${LONG_PARAGRAPH + 1})) > ${LONG_PARAGRAPH} THEN NULL
         ELSE ts_headline(c.config, p.text, $2::tsquery, '${SNIPPET_OPTIONS}') END AS marked,
       left(p.text, ${SNIPPET_SCAN}) AS text, octet_length(p.text) > octet_length(left(p.text, ${SNIPPET_SCAN})) AS more,
       CASE WHEN octet_length(p.text) > ${LONG_PARAGRAPH} THEN (SELECT min(k.n) FROM paragraph_chunks k
         WHERE k.paragraph_rowid = p.rowid AND k.tsv @@ $2::tsquery) END AS first_chunk
     FROM hits h JOIN paragraphs p ON p.rowid = h.rowid JOIN files f ON f.id = p.file_id
       JOIN entities e ON e.id = h.entity_id
       CROSS JOIN LATERAL (SELECT cp_search_config(coalesce(p.language, f.language, e.language)) AS config) c
     WHERE h.n <= ${MAX_SNIPPETS} ORDER BY h.entity_id, h.n`,
    [entityIds, some, every],
  );
  for (const r of rows) {
    const marked =
      r.marked !== null
        ? withEllipses(r.marked, r.text)
        : await windowSnippet(db, r.text, r.config, some, {
            more: r.more,
            // Characters in JavaScript (UTF-16) are at least PostgreSQL's (code points): no match is skipped.
            from: (r.first_chunk ?? 0) * CHUNK,
          });
    const list = out.get(r.entity_id) ?? [];
    list.push({ paragraphId: r.id, fileId: r.file_id, page: r.page, html: markedToHtml(marked) });
    out.set(r.entity_id, list);
  }
  return out;
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Snippets found and marked outside the text search (CJK and prefix terms), best (most terms) first. Only
 * a paragraph's first LONG_PARAGRAPH characters are marked, so only they are matched: a 2 MB paragraph is
 * not read whole (~80 ms) to find a word whose mark could not be shown.
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
       WHERE f.entity_id = ANY($1::text[]) AND left(p.text, ${LONG_PARAGRAPH}) ${cjk ? 'LIKE' : 'ILIKE'} ANY($2::text[])) x
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
