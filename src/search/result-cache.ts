import { viewerClass } from '../domain/visibility.ts';
import type { SearchParams, SearchProvider, SearchResult } from './provider.ts';

export type ResultCacheOptions = {
  /** The collection's write generation (store.searchIndex.generation()); read before every answer. */
  generation: () => number | Promise<number>;
  /** Most entries kept (default 500). */
  maxEntries?: number;
  /** Most bytes of results kept, counted as their JSON length (default 32 MB). */
  maxBytes?: number;
};

/**
 * The key of a search: everything that changes its answer. The query's whitespace and case of operators
 * are kept as typed except for outer and repeated spaces (the parser treats them alike); filter names and
 * values are sorted; the viewer enters as its class only, so anonymous and signed-in readers never share.
 */
export function searchKey(p: SearchParams): string {
  const filters = p.filters
    ? Object.keys(p.filters)
        .sort()
        .map((k) => [k, p.filters![k]])
    : [];
  return JSON.stringify([
    (p.q ?? '').trim().replace(/\s+/g, ' '),
    filters,
    p.template ?? null,
    p.yearFrom ?? null,
    p.yearTo ?? null,
    p.sort ?? null,
    p.cursor ?? null,
    p.limit ?? null,
    p.snippets ?? null,
    p.cards ?? null,
    p.facets ?? null,
    viewerClass(p.viewer),
  ]);
}

/**
 * A shared result cache in front of a `SearchProvider` (docs/ARCHITECTURE.md, decision 20): a hundred
 * readers asking the same page cost one search. Entries carry the write generation they were computed at
 * and count only while it has not moved, so a write in any process is seen by the next search; concurrent
 * identical searches wait for one call. LRU, bounded by entries and bytes. Only `search` is cached: the
 * other calls are per file or per keystroke and cheap, and exports stream.
 */
export function withResultCache(inner: SearchProvider, opts: ResultCacheOptions): SearchProvider {
  const maxEntries = opts.maxEntries ?? 500;
  const maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
  // Map iteration order is insertion order: re-inserting on a hit makes the first key the least recent.
  const entries = new Map<string, { generation: number; result: SearchResult; bytes: number }>();
  const inFlight = new Map<string, Promise<SearchResult>>();
  let bytes = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
  };

  const store = (key: string, generation: number, result: SearchResult) => {
    const size = JSON.stringify(result).length;
    if (size > maxBytes) return;
    drop(key);
    entries.set(key, { generation, result, bytes: size });
    bytes += size;
    for (const k of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(k);
    }
  };

  const search = async (params: SearchParams, known?: { generation?: number }): Promise<SearchResult> => {
    const generation = known?.generation ?? (await opts.generation());
    const k = searchKey(params);
    const hit = entries.get(k);
    if (hit && hit.generation === generation) {
      entries.delete(k);
      entries.set(k, hit);
      return hit.result;
    }
    const key = `${generation}:${k}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const call = inner.search(params).then(
      async (result) => {
        inFlight.delete(key);
        // A write that landed while it ran may or may not be in it: keep it only if nothing moved.
        if ((await opts.generation()) === generation) store(k, generation, result);
        return result;
      },
      (err: unknown) => {
        inFlight.delete(key);
        throw err;
      },
    );
    inFlight.set(key, call);
    return call;
  };

  return {
    search,
    searchWithinFile: (p) => inner.searchWithinFile(p),
    autocompleteTitles: (p) => inner.autocompleteTitles(p),
    suggestParagraphs: (p) => inner.suggestParagraphs(p),
    exportResults: (p, format) => inner.exportResults(p, format),
    close: (o) => {
      entries.clear();
      bytes = 0;
      return inner.close(o);
    },
  };
}
