import type Database from 'better-sqlite3';
import { hasCjk, parseQuery } from '../../../domain/query-language/index.ts';
import { segmentCjkClauses } from '../../../domain/text-analysis/index.ts';
import { canSee, type Viewer } from '../../../domain/visibility.ts';
import {
  MAX_PARAGRAPH_HIGHLIGHTS,
  markedToOffsets,
  markPatterns,
  termPatterns,
} from '../../../search/highlight.ts';
import type { FileMatch } from '../../../search/within-file.ts';
import { compilePositive, ftsString, positiveTexts } from './fts5-query.ts';
import {
  fileVisibility,
  highlightedParagraphs,
  PARAGRAPH_TEXT_COLUMNS,
  paragraphsContaining,
} from './queries.ts';
import { LONG_PARAGRAPH, windowHighlights } from './snippet-window.ts';

/** Most paragraphs returned for one file (a frequent word in a 2,000-page report). */
const MAX_FILE_MATCHES = 20_000;

/**
 * Every paragraph of one file that matches any positive term, in reading order, with highlight
 * offsets: what the viewer shows as "n matches". Null when the file does not exist or is not visible.
 */
export function searchWithinFile(
  sqlite: Database.Database,
  { fileId, q, viewer }: { fileId: string; q: string; viewer: Viewer },
): { matches: FileMatch[]; hints: string[] } | null {
  const vis = fileVisibility(sqlite, fileId);
  if (!vis || !canSee(viewer, vis)) return null;
  const parsed = parseQuery(q);
  const { hints } = parsed;
  const ast = segmentCjkClauses(parsed.ast);
  if (!ast.must.length) return { matches: [], hints };
  const texts = positiveTexts(ast);
  let capped = false;
  const capHint = () => {
    if (capped) hints.push(`Only the first ${MAX_PARAGRAPH_HIGHLIGHTS} matches of a paragraph are marked.`);
  };
  if (texts.some(hasCjk)) {
    const patterns = termPatterns(texts.map((text) => ({ text, prefix: false })));
    const matches = paragraphsContaining(sqlite, [fileId], texts, MAX_FILE_MATCHES).map((p) => {
      const marked = markPatterns(p.text, patterns);
      capped ||= marked.capped;
      return {
        paragraphId: p.id,
        ordinal: p.ordinal,
        page: p.page,
        pageEnd: p.pageEnd,
        text: p.text,
        highlights: marked.ranges,
        fileStart: p.start,
      };
    });
    capHint();
    return { matches, hints };
  }
  const positive = compilePositive(ast, { columns: PARAGRAPH_TEXT_COLUMNS, anyClause: true });
  const rows = highlightedParagraphs(
    sqlite,
    `(${positive}) AND file_id : ${ftsString(fileId)}`,
    LONG_PARAGRAPH,
  );
  const matches = rows.slice(0, MAX_FILE_MATCHES).map((r) => {
    const {
      text,
      ranges,
      capped: more,
    } = r.marked !== null
      ? markedToOffsets(r.marked)
      : {
          text: r.text ?? '',
          ...windowHighlights(sqlite, r.text ?? '', positive!, MAX_PARAGRAPH_HIGHLIGHTS, r.language),
        };
    capped ||= more;
    return {
      paragraphId: r.id,
      ordinal: r.ordinal,
      page: r.page,
      pageEnd: r.pageEnd,
      text,
      highlights: ranges,
      fileStart: r.start,
    };
  });
  capHint();
  return { matches, hints };
}
