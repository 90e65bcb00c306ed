import type Database from 'better-sqlite3';
import { hasCjk, parseQuery, titleKey } from '../../../domain/query-language/index.ts';
import { publishedOnly as hidesUnpublished, type Viewer } from '../../../domain/visibility.ts';
import type { TitleSuggestion } from '../../../search/autocomplete.ts';
import { docMeta } from './doc-cache.ts';
import { compilePositive } from './fts5-query.ts';
import { ENTITY_TEXT_COLUMNS, matchDocids, titlesStartingWith } from './queries.ts';
import { TAG_PUBLISHED, tagTemplate } from './tag-tokens.ts';

/**
 * Title suggestions for pickers: titles starting with the text first (btree range on the folded
 * title), then titles with words starting with each typed word (FTS5 prefix index on the title column).
 */
export function autocompleteTitles(
  sqlite: Database.Database,
  { q, template, limit = 10, viewer }: { q: string; template?: string; limit?: number; viewer: Viewer },
): TitleSuggestion[] {
  const key = titleKey(String(q ?? '').replace(/[\p{Cc}\p{Cs}]/gu, ' '));
  if (!key) return [];
  const n = Math.max(1, Math.min(limit, 50));
  const meta = docMeta(sqlite);
  const publishedOnly = hidesUnpublished(viewer);
  const ids = titlesStartingWith(sqlite, key, { template, publishedOnly, limit: n }).map((r) => r.docid);
  if (ids.length < n) {
    const words = parseQuery(key).ast.must.flatMap((c) => c.any.map((t) => t.text));
    if (words.length) {
      const last = words.length - 1;
      // Every word analysed as the index holds titles; the last one is also a prefix of a word.
      const expr = compilePositive(
        {
          must: words.map((text, i) => ({
            any: [{ kind: 'word' as const, text, prefix: i === last && !hasCjk(text) }],
          })),
          not: [],
        },
        { columns: [ENTITY_TEXT_COLUMNS[0]!] },
      )!;
      const tags = [
        ...(template ? [`tags : "${tagTemplate(template)}"`] : []),
        ...(publishedOnly ? [`tags : "${TAG_PUBLISHED}"`] : []),
      ];
      const match = [`(${expr})`, ...tags].join(' AND ');
      const more = matchDocids(sqlite, match, 500)
        .filter((d) => !ids.includes(d))
        .map((d) => meta.get(d))
        .filter((m): m is NonNullable<typeof m> => !!m)
        .sort((a, b) => (a.titleKey < b.titleKey ? -1 : a.titleKey > b.titleKey ? 1 : 0));
      ids.push(...more.slice(0, n - ids.length).map((m) => m.docid));
    }
  }
  return ids
    .map((d) => meta.get(d))
    .filter((m): m is NonNullable<typeof m> => !!m)
    .map((m) => ({ id: m.entityId, title: m.title, template: m.template }));
}
