import type { QueryAst } from '../../../domain/query-language/index.ts';
import { matchRanges, queryMatcher } from '../../../domain/text-analysis/index.ts';
import type { Viewer } from '../../../domain/visibility.ts';
import { type CardTemplate, quotable, type RelatedTitles } from '../../../search/card.ts';
import { MAX_PARAGRAPH_HIGHLIGHTS } from '../../../search/highlight.ts';
import { MARK_CLOSE, MARK_OPEN } from '../../sqlite/search/queries.ts';
import type { SqlRunner } from './sql-runner.ts';
import type { Lexicon } from './tsquery.ts';

/** A text with its ranges between MARK_OPEN and MARK_CLOSE (whole, as highlight() gives it). */
export function markAll(text: string, ranges: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += `${text.slice(at, r.start)}${MARK_OPEN}${text.slice(r.start, r.end)}${MARK_CLOSE}`;
    at = r.end;
  }
  return out + text.slice(at);
}

/**
 * The metadata texts of a page's cards that hold the words, each analysed in its entity's language and
 * marked where the domain's analysis finds the query (so "incident" marks "incidents" as the search
 * matched it); `fieldSnippets` (card.ts) then picks from them through the returned `mark`.
 */
export async function markTexts(
  _db: SqlRunner,
  ast: QueryAst,
  _lex: Lexicon,
  entities: { id: string; template: string; metadata: Record<string, unknown>; language: string | null }[],
  templates: Map<string, CardTemplate>,
  titles: RelatedTitles,
  viewer: Viewer,
  languages?: string[],
): Promise<((texts: string[]) => Map<number, string>) | undefined> {
  if (!ast.must.length || !entities.length) return undefined;
  const matcher = queryMatcher(ast, languages);
  const marked = new Map<string, string>();
  for (const e of entities)
    for (const part of quotable(templates.get(e.template)?.properties ?? [], e.metadata, titles, viewer)) {
      const { ranges } = matchRanges(part.text, e.language, matcher, MAX_PARAGRAPH_HIGHLIGHTS);
      if (ranges.length) marked.set(part.text, markAll(part.text, ranges));
    }
  return (list) => {
    const out = new Map<number, string>();
    list.forEach((t, i) => {
      const m = marked.get(t);
      if (m !== undefined) out.set(i, m);
    });
    return out;
  };
}
