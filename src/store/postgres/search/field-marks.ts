import type { QueryAst } from '../../../domain/query-language/index.ts';
import type { Viewer } from '../../../domain/visibility.ts';
import { type CardTemplate, quotable, type RelatedTitles } from '../../../search/card.ts';
import { HIGHLIGHT_ALL_OPTIONS } from './headline.ts';
import { searchConfig } from './languages.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';
import { type Lexicon, paragraphTsquery } from './tsquery.ts';

/**
 * The metadata texts of a page's cards that hold the words, marked by ts_headline in the entity's own
 * configuration (so "incident" marks "incidents" as the search matched it), in one statement for the
 * whole page; `fieldSnippets` (card.ts) then picks from them through the returned `mark`.
 */
export async function markTexts(
  db: SqlRunner,
  ast: QueryAst,
  lex: Lexicon,
  entities: { id: string; template: string; metadata: Record<string, unknown>; language: string | null }[],
  templates: Map<string, CardTemplate>,
  titles: RelatedTitles,
  viewer: Viewer,
): Promise<((texts: string[]) => Map<number, string>) | undefined> {
  const query = paragraphTsquery(ast, lex, { anyClause: true });
  if (!query || !entities.length) return undefined;
  const texts: string[] = [];
  const configs: string[] = [];
  for (const e of entities)
    for (const part of quotable(templates.get(e.template)?.properties ?? [], e.metadata, titles, viewer)) {
      texts.push(part.text);
      configs.push(searchConfig(e.language));
    }
  const marked = new Map<string, string>();
  if (texts.length) {
    const rows = await rowsOf<{ i: number; marked: string }>(
      db,
      `SELECT x.i::int AS i, ts_headline(x.c::regconfig, x.t, $3::tsquery, '${HIGHLIGHT_ALL_OPTIONS}') AS marked
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(t, c, i)
       WHERE cp_tsvector(x.c::regconfig, x.t) @@ $3::tsquery`,
      [texts, configs, query],
    );
    for (const r of rows) marked.set(texts[r.i - 1]!, r.marked);
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
