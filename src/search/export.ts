import { csvCell } from '../domain/readable-csv.ts';
import type { SearchParams, SearchResult } from './search.ts';

/** Rows per page fetched while exporting; the whole result set is walked by cursor, never capped. */
const EXPORT_PAGE = 500;

/**
 * Streams every result of a search as CSV of stored values (ids; for programs — people get the readable CSV
 * of operations/export-search.ts) or JSON (an array), page by page through `run` (in-process
 * `search` or the worker pool), so memory stays flat however many entities match. The first page is
 * fetched before anything is yielded, so a search that fails (a deadline) fails before the response
 * has started and can still be answered with a proper error.
 */
export async function* exportResults(
  { run, ...params }: SearchParams & { run: (p: SearchParams) => Promise<SearchResult> | SearchResult },
  format: 'csv' | 'json',
): AsyncGenerator<string> {
  let cursor: string | undefined;
  let first = true;
  let head: string | null = format === 'csv' ? 'id,title,template,published,score,metadata\n' : '[';
  do {
    const page = await run({ ...params, cursor, limit: EXPORT_PAGE, snippets: false, facets: false });
    let chunk = head ?? '';
    head = null;
    for (const { entity, score } of page.items) {
      if (format === 'csv') {
        chunk += `${[entity.id, entity.title, entity.template, entity.published, score, entity.metadata].map(csvCell).join(',')}\n`;
      } else {
        chunk += `${first ? '\n' : ',\n'}${JSON.stringify({ ...entity, score })}`;
        first = false;
      }
    }
    if (chunk) yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (format === 'json') yield '\n]\n';
}
