import type Database from 'better-sqlite3';
import { hasCjk, type QueryAst } from '../../../domain/query-language/index.ts';
import { markedToHtml, markPatterns, termPatterns } from '../../../search/highlight.ts';
import type { Snippet } from '../../../search/snippets.ts';
import { compilePositive, ftsString } from './fts5-query.ts';
import {
  filesOfEntity,
  PARAGRAPH_TEXT_COLUMNS,
  type ParagraphHit,
  paragraphsContaining,
  paragraphsLike,
  paragraphText,
  snippetHits,
} from './queries.ts';
import { LONG_PARAGRAPH, windowSnippet } from './snippet-window.ts';

const MAX_SNIPPETS = 3;
/** Paragraphs scanned for literal (CJK) matches per entity. */
const CANDIDATES = 40;

const fileScope = (fileIds: string[]) => `file_id : (${fileIds.map(ftsString).join(' OR ')})`;

/**
 * Up to three snippets for one entity: paragraphs holding every clause first, then paragraphs holding
 * any clause, each in reading order. Scoped to the entity's files by the zero-weighted file_id column and
 * LIMITed, so FTS5 neither ranks the whole collection nor builds snippets it will not show (building
 * a snippet tokenizes the paragraph: 40 candidates × 20 results cost 15–45 ms, 3 × 20 cost ~1 ms).
 */
export function entitySnippets(
  sqlite: Database.Database,
  ast: QueryAst,
  entityId: string,
  languages?: string[],
): Snippet[] {
  if (!ast.must.length) return [];
  const fileIds = filesOfEntity(sqlite, entityId);
  if (!fileIds.length) return [];
  const terms = ast.must.flatMap((c) =>
    c.any.map((t) => ({ text: t.text, prefix: t.kind === 'word' && t.prefix })),
  );
  if (terms.some((t) => t.prefix || hasCjk(t.text))) return patternSnippets(sqlite, fileIds, terms);
  const scope = fileScope(fileIds);
  const hits: (ParagraphHit & { text: string })[] = [];
  const seen: number[] = [];
  for (const anyClause of [false, true]) {
    if (anyClause && (hits.length >= MAX_SNIPPETS || ast.must.length === 1)) break;
    const positive = compilePositive(ast, { columns: PARAGRAPH_TEXT_COLUMNS, anyClause, languages })!;
    const found = snippetHits(
      sqlite,
      `(${positive}) AND ${scope}`,
      MAX_SNIPPETS - hits.length,
      seen,
      LONG_PARAGRAPH,
    );
    for (const h of found) {
      seen.push(h.rowid);
      // A long paragraph: the snippet comes from the first window of it that matches.
      hits.push({
        ...h,
        text: h.text ?? windowSnippet(sqlite, paragraphText(sqlite, h.rowid) ?? '', positive, h.language),
      });
    }
  }
  return hits.map((h) => ({ paragraphId: h.id, fileId: h.fileId, page: h.page, html: markedToHtml(h.text) }));
}

/** Snippets found and marked outside FTS5 (CJK and prefix terms), best (most distinct terms) first. */
function patternSnippets(
  sqlite: Database.Database,
  fileIds: string[],
  terms: { text: string; prefix: boolean }[],
): Snippet[] {
  const cjk = terms.some((t) => hasCjk(t.text));
  const needles = terms.map((t) => t.text);
  const rows = cjk
    ? paragraphsContaining(sqlite, fileIds, needles, CANDIDATES)
    : paragraphsLike(sqlite, fileIds, needles, CANDIDATES);
  const patterns = termPatterns(terms);
  return (
    rows
      // A bounded window of each paragraph is looked at (a long one may then give no snippet).
      .map((p, i) => ({
        p,
        i,
        m: markPatterns(p.text.slice(0, LONG_PARAGRAPH), patterns, { maxRanges: 64 }),
      }))
      .filter((x) => x.m.ranges.length)
      .sort((a, b) => b.m.terms - a.m.terms || a.i - b.i)
      .slice(0, MAX_SNIPPETS)
      .map(({ p, m }) => ({
        paragraphId: p.id,
        fileId: p.fileId ?? '',
        page: p.page,
        html: markedToHtml(m.marked),
      }))
  );
}
