import { hasCjk, parseQuery } from '../../../domain/query-language/index.ts';
import { matchRanges, queryMatcher, segmentCjkClauses } from '../../../domain/text-analysis/index.ts';
import { canSee, type Viewer } from '../../../domain/visibility.ts';
import { MAX_PARAGRAPH_HIGHLIGHTS, markPatterns, termPatterns } from '../../../search/highlight.ts';
import type { FileMatch } from '../../../search/within-file.ts';
import { PARAGRAPH_LANGUAGE, paragraphHolds } from './snippets.ts';
import { flag, rowsOf, type SqlRunner } from './sql-runner.ts';
import { type Lexicon, paragraphTsquery } from './tsquery.ts';

/** Most paragraphs returned for one file. */
const MAX_FILE_MATCHES = 20_000;

type Row = {
  id: string;
  ordinal: number;
  page: number;
  page_end: number;
  start: number;
  language: string | null;
  text: string;
};

/**
 * Every paragraph of one file matching any positive term, in reading order, with highlight offsets;
 * null when the file does not exist or the viewer may not see it. The file's paragraphs are matched one
 * by one (not through the GIN index, which holds a frequent word's 100,000 paragraphs); those that
 * match are marked where the domain's analysis finds the query (domain/text-analysis/mark.ts), as the
 * FTS5 engine's aligned index marks them.
 */
export async function searchWithinFile(
  db: SqlRunner,
  lexicon: (ast: ReturnType<typeof parseQuery>['ast']) => Promise<Lexicon>,
  { fileId, q, viewer }: { fileId: string; q: string; viewer: Viewer },
): Promise<{ matches: FileMatch[]; hints: string[] } | null> {
  const [vis] = await rowsOf<{ published: unknown }>(
    db,
    `SELECT e.published FROM files f JOIN entities e ON e.id = f.entity_id WHERE f.id = $1`,
    [fileId],
  );
  if (!vis || !canSee(viewer, { published: flag(vis.published) })) return null;
  const parsed = parseQuery(q);
  const { hints } = parsed;
  const ast = segmentCjkClauses(parsed.ast);
  if (!ast.must.length) return { matches: [], hints };
  const texts = ast.must.flatMap((c) => c.any.map((t) => t.text));
  let capped = false;
  const capHint = () => {
    if (capped) hints.push(`Only the first ${MAX_PARAGRAPH_HIGHLIGHTS} matches of a paragraph are marked.`);
  };
  if (texts.some(hasCjk)) {
    const patterns = termPatterns(texts.map((text) => ({ text, prefix: false })));
    const rows = await rowsOf<{
      id: string;
      ordinal: number;
      page: number;
      page_end: number;
      start: number;
      text: string;
    }>(
      db,
      `SELECT id, ordinal::int AS ordinal, page::int AS page, page_end::int AS page_end, start::float8 AS start, text FROM paragraphs
       WHERE file_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS n(needle) WHERE strpos(text, n.needle) > 0)
       ORDER BY ordinal LIMIT ${MAX_FILE_MATCHES}`,
      [fileId, texts],
    );
    const matches = rows.map((p) => {
      const marked = markPatterns(p.text, patterns);
      capped ||= marked.capped;
      return {
        paragraphId: p.id,
        ordinal: p.ordinal,
        page: p.page,
        pageEnd: p.page_end,
        text: p.text,
        highlights: marked.ranges,
        fileStart: p.start,
      };
    });
    capHint();
    return { matches, hints };
  }
  const query = paragraphTsquery(ast, await lexicon(ast), { anyClause: true });
  if (!query) return { matches: [], hints };
  const rows = await rowsOf<Row>(
    db,
    `WITH ps AS MATERIALIZED (SELECT p.id, ${paragraphHolds('$2')} AS hit FROM paragraphs p WHERE p.file_id = $1)
     SELECT p.id, p.ordinal::int AS ordinal, p.page::int AS page, p.page_end::int AS page_end,
       p.start::float8 AS start, ${PARAGRAPH_LANGUAGE} AS language, p.text
     FROM ps JOIN paragraphs p ON p.id = ps.id JOIN files f ON f.id = p.file_id JOIN entities e ON e.id = f.entity_id
     WHERE ps.hit ORDER BY p.ordinal LIMIT ${MAX_FILE_MATCHES}`,
    [fileId, query],
  );
  const matcher = queryMatcher(ast);
  const matches: FileMatch[] = [];
  for (const r of rows) {
    const { ranges, capped: more } = matchRanges(r.text, r.language, matcher, MAX_PARAGRAPH_HIGHLIGHTS);
    capped ||= more;
    matches.push({
      paragraphId: r.id,
      ordinal: r.ordinal,
      page: r.page,
      pageEnd: r.page_end,
      text: r.text,
      highlights: ranges,
      fileStart: r.start,
    });
  }
  capHint();
  return { matches, hints };
}
