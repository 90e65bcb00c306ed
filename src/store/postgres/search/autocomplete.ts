import { parseQuery, titleKey } from '../../../domain/query-language/index.ts';
import { publishedOnly as hidesUnpublished, type Viewer } from '../../../domain/visibility.ts';
import type { TitleSuggestion } from '../../../search/autocomplete.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';
import { type Lexicon, lastAsPrefix } from './tsquery.ts';

type Row = { docid: number; entity_id: string; title: string; template: string };

/**
 * Title suggestions for pickers: titles starting with the text first (btree range on the folded title),
 * then titles whose words hold each typed word, the last one as a prefix (GIN on the title's words),
 * as the FTS5 engine answers.
 */
export async function autocompleteTitles(
  db: SqlRunner,
  lexicon: (ast: ReturnType<typeof parseQuery>['ast']) => Promise<Lexicon>,
  { q, template, limit = 10, viewer }: { q: string; template?: string; limit?: number; viewer: Viewer },
): Promise<TitleSuggestion[]> {
  const key = titleKey(String(q ?? '').replace(/[\p{Cc}\p{Cs}]/gu, ' '));
  if (!key) return [];
  const n = Math.max(1, Math.min(limit, 50));
  const publishedOnly = hidesUnpublished(viewer);
  const scope = `($2::text IS NULL OR template = $2) AND ($3 = false OR published)`;
  const found = await rowsOf<Row>(
    db,
    `SELECT docid, entity_id, title, template FROM search_entities
     WHERE title_key >= $1 AND title_key < $1 || chr(65535) AND ${scope} ORDER BY title_key, docid LIMIT $4`,
    [key, template ?? null, publishedOnly, n],
  );
  if (found.length < n) {
    const { ast } = parseQuery(key);
    const words = ast.must.flatMap((c) => c.any);
    if (words.length) {
      const lex = await lexicon({ must: words.map((w) => ({ any: [w] })), not: [] });
      const last = words.length - 1;
      const parts = words.map((w, i) => {
        const forms = lex.stemmed(w.text);
        const simple = lex.simple(w.text);
        const all =
          i === last ? [...forms.map(lastAsPrefix), ...(simple ? [lastAsPrefix(simple)] : [])] : forms;
        return all.length ? `(${[...new Set(all)].map((f) => `(${f})`).join(' | ')})` : null;
      });
      if (parts.every((p) => p !== null)) {
        const more = await rowsOf<Row>(
          db,
          `SELECT docid, entity_id, title, template FROM search_entities
           WHERE title_words @@ $1::tsquery AND ${scope} AND docid <> ALL($5::int[])
           ORDER BY title_key, docid LIMIT $4`,
          [parts.join(' & '), template ?? null, publishedOnly, n - found.length, found.map((r) => r.docid)],
        );
        found.push(...more);
      }
    }
  }
  return found.map((r) => ({ id: r.entity_id, title: r.title, template: r.template }));
}
