import { viewerClass } from '../domain/visibility.ts';
import { cacheStats } from './cache-stats.ts';
import type { SearchParams, SearchProvider, SearchResult } from './provider.ts';
import { type CacheFeed, effectWhy, type TrackedSearch } from './write-effects.ts';

export type ResultCacheOptions = {
  /** The collection's write generation (store.searchIndex.generation()); read before every answer. */
  generation: () => number | Promise<number>;
  /** Most entries kept (default 500). */
  maxEntries?: number;
  /** Most bytes of results kept, counted as their JSON length (default 32 MB). */
  maxBytes?: number;
  /**
   * What writes changed, where the engine can tell (decision 69): answers no write could have changed are
   * kept through it. Without it any write drops every answer (decision 20).
   */
  feed?: CacheFeed;
  /** Bounds of a kept answer's ranking (decision 69); tests shorten them. */
  bounds?: Partial<typeof BOUNDS>;
};

/**
 * How stale a kept answer's order may grow (decision 69). `ranking`: a matching entity's text changed; a
 * fresh answer is searched in the background at the first read, and reads wait for one past the bound.
 * `drift`: only the collection statistics bm25 reads moved; refreshed in the background after a while.
 */
const BOUNDS = { rankingWaitMs: 5_000, driftRefreshMs: 30_000, driftWaitMs: 120_000 };

type Entry = TrackedSearch & {
  params: SearchParams;
  bytes: number;
  /** From then a read starts a background search (Infinity: fresh). */
  refreshAt: number;
  /** From then a read waits for a fresh answer. */
  waitAt: number;
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
 * A shared result cache in front of a `SearchProvider` (docs/ARCHITECTURE.md, decisions 20 and 68): a
 * hundred readers asking the same page cost one search. An entry carries the write point it was computed
 * at. When the generation has moved, an engine with a `feed` says which entities changed and whether each
 * matches the entry's words now; the entry's own record of what matched then settles the rest
 * (`effectOn`): kept as is, kept with its order refreshed in the background, or searched again. A bulk
 * write or a catalog change empties the cache. Concurrent identical searches and revalidations wait for
 * one call. LRU, bounded by entries and bytes. Only `search` is cached: the other calls are per file or
 * per keystroke and cheap, and exports stream.
 */
export function withResultCache(inner: SearchProvider, opts: ResultCacheOptions): SearchProvider {
  const maxEntries = opts.maxEntries ?? 500;
  const maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
  const bounds = { ...BOUNDS, ...opts.bounds };
  const feed = opts.feed;
  // Map iteration order is insertion order: re-inserting on a hit makes the first key the least recent.
  const entries = new Map<string, Entry>();
  // The search of a key in flight, foreground or background, whatever generation it started at: a reader
  // waits for it and brings its answer forward through the writes since, as any kept answer (decision 78),
  // rather than start a second search of the same key because a write landed meanwhile.
  const running = new Map<string, Promise<SearchResult>>();
  const checking = new Map<string, Promise<Entry | undefined>>();
  // One background search at a time: a refresh must not take the workers from readers who wait.
  let refreshing = false;
  // Keys read stale while a refresh was running: refreshed next, the most recently read first.
  const wanted = new Set<string>();
  let bytes = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
  };

  const store = (key: string, params: SearchParams, tracked: TrackedSearch) => {
    const old = entries.get(key);
    if (old && old.at.generation > tracked.at.generation) return;
    const size = JSON.stringify(tracked.result).length + (tracked.matched?.length ?? 0);
    if (size > maxBytes) return;
    drop(key);
    entries.set(key, { ...tracked, params, bytes: size, refreshAt: Infinity, waitAt: Infinity });
    bytes += size;
    for (const k of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(k);
    }
  };

  /** A search as the feed tracks it, or (no feed) stamped with the generation read before it, if unmoved. */
  const track = async (
    params: SearchParams,
    generation: number,
  ): Promise<{ result: SearchResult; tracked: TrackedSearch | null }> => {
    if (feed) {
      const tracked = await feed.search(params);
      return { result: tracked.result, tracked };
    }
    const result = await inner.search(params);
    // A write that landed while it ran may or may not be in it: keep it only if nothing moved.
    if ((await opts.generation()) !== generation) return { result, tracked: null };
    return { result, tracked: { result, at: { generation, seq: 0, catalog: 0 }, matched: null } };
  };

  /** Runs a search of `k` and keeps its answer; `running` holds it until it settles. */
  const launch = (k: string, run: () => Promise<SearchResult>): Promise<SearchResult> => {
    const call = run();
    running.set(k, call);
    const settle = () => {
      if (running.get(k) === call) running.delete(k);
    };
    call.then(settle, settle);
    return call;
  };

  const compute = (k: string, params: SearchParams, generation: number): Promise<SearchResult> => {
    const t0 = performance.now();
    return launch(k, () =>
      track(params, generation).then(({ result, tracked }) => {
        cacheStats.time('fg.search', performance.now() - t0);
        if (tracked) store(k, params, tracked);
        return result;
      }),
    );
  };

  /** Brings an entry computed before `generation` forward through the writes since, or drops it. */
  const bringUp = (k: string, e: Entry, generation: number): Promise<Entry | undefined> => {
    if (!feed) {
      drop(k);
      return Promise.resolve(undefined);
    }
    const key = `${generation}:${k}`;
    let pending = checking.get(key);
    if (!pending) {
      const t0 = performance.now();
      pending = feed
        .revalidate({ since: e.at, queries: [e.params] })
        .then(({ at, changes }) => {
          cacheStats.time('revalidate', performance.now() - t0);
          if (entries.get(k) !== e) return entries.get(k);
          if (!changes) {
            cacheStats.count('verdict.bulk/catalog');
            // A bulk write or a catalog change: nothing computed before it can be vouched for.
            for (const [key, other] of [...entries])
              if (other.at.seq < at.seq || other.at.catalog < at.catalog) drop(key);
            drop(k);
            return undefined;
          }
          const [effect, why] = effectWhy(e, changes, 0);
          cacheStats.count(`verdict.${effect}.${why}`);
          if (effect === 'answer') {
            drop(k);
            return undefined;
          }
          const now = Date.now();
          if (effect === 'ranking') {
            e.refreshAt = Math.min(e.refreshAt, now);
            e.waitAt = Math.min(e.waitAt, now + bounds.rankingWaitMs);
          } else if (changes.length) {
            e.refreshAt = Math.min(e.refreshAt, now + bounds.driftRefreshMs);
            e.waitAt = Math.min(e.waitAt, now + bounds.driftWaitMs);
          }
          e.at = at;
          return e;
        })
        .catch((err: unknown) => {
          // Not knowing what changed, the entry cannot be vouched for; the search itself may still answer.
          console.warn('search cache: following writes failed; the answer is searched again', err);
          drop(k);
          return undefined;
        })
        .finally(() => checking.delete(key));
      checking.set(key, pending);
    }
    return pending;
  };

  const refreshInBackground = (k: string, e: Entry) => {
    if (!feed || running.has(k)) return;
    if (refreshing) {
      cacheStats.count('bg.busy');
      wanted.delete(k);
      wanted.add(k);
      return;
    }
    cacheStats.count('bg.started');
    refreshing = true;
    wanted.delete(k);
    launch(k, () =>
      feed.search(e.params).then((tracked) => {
        store(k, e.params, tracked);
        return tracked.result;
      }),
    )
      .catch(() => {}) // the next read past the bound searches again and reports its own failure
      .finally(() => {
        refreshing = false;
        // The next stale key readers asked for while this ran, the most recent first.
        for (const next of [...wanted].reverse()) {
          wanted.delete(next);
          const other = entries.get(next);
          if (other && Date.now() >= other.refreshAt) return refreshInBackground(next, other);
        }
      });
  };

  const search = async (params: SearchParams, known?: { generation?: number }): Promise<SearchResult> => {
    const t0 = cacheStats.on ? performance.now() : 0;
    const generation = known?.generation ?? (await opts.generation());
    const k = searchKey(params);
    // At most twice: after waiting for a search in flight, its answer is brought forward like any other.
    for (let joined = 0; ; joined++) {
      let e = entries.get(k);
      const had = !!e;
      if (e && e.at.generation < generation) e = await bringUp(k, e, generation);
      if (e) {
        const now = Date.now();
        if (now < e.waitAt) {
          entries.delete(k);
          entries.set(k, e);
          if (now >= e.refreshAt) refreshInBackground(k, e);
          cacheStats.count(now >= e.refreshAt ? 'read.stale' : 'read.kept');
          cacheStats.time('read.cached', performance.now() - t0);
          return e.result;
        }
        cacheStats.count('read.pastWait');
      } else cacheStats.count(had ? 'read.dropped' : 'read.miss');
      const pending = running.get(k);
      if (pending && joined < 2) {
        cacheStats.count('read.joined');
        await pending.catch(() => {});
        continue;
      }
      const result = await compute(k, params, generation);
      cacheStats.time('read.searched', performance.now() - t0);
      return result;
    }
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
