import { availableParallelism, getPriority } from 'node:os';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenRunning } from '../../../../test/child-processes.ts';
import { loadConfig } from '../../../config.ts';
import { parseQuery } from '../../../domain/query-language/index.ts';
import { ANONYMOUS } from '../../../domain/visibility.ts';
import { OPERATOR } from '../../../operations/permissions.ts';
import { updateEntity } from '../../../operations/update-entity.ts';
import type { SearchParams, SearchProvider } from '../../../search/provider.ts';
import { withResultCache } from '../../../search/result-cache.ts';
import { openStore, type SqliteStore } from '../../store.ts';
import { applyPragmas } from '../open-database.ts';
import { storedScore, storedScoring } from './cache-feed.ts';
import { indexEntity } from './indexer.ts';
import { compile } from './match.ts';
import { ENTITY_TEXT_COLUMNS } from './queries.ts';
import { ENTITY_BM25 } from './ranking.ts';
import { addDocument, randomCorpus, standardTemplates } from './test-data.ts';
import { createFixture, type Fixture } from './test-fixtures.ts';
import { rebuildTopTerms } from './top-terms.ts';
import { createSearchPool, type SearchPool } from './worker-pool.ts';

const SIGNED_IN = { canSeeUnpublished: true };

let fx: Fixture;
let store: SqliteStore;
let pool: SearchPool;
let calls: SearchParams[];
let cached: SearchProvider;
let firstId: string;

// The real FTS5 pool (in-process) with a count of the searches that reach it.
const counting = (inner: SearchPool): SearchProvider => ({
  ...inner,
  search: (p) => {
    calls.push(p);
    return inner.search(p);
  },
  close: (o) => inner.close(o),
});

beforeAll(async () => {
  fx = await createFixture();
  standardTemplates(fx);
  firstId = addDocument(fx, { title: 'Cyber strategy', paragraphs: ['cyber norms for states'] });
  addDocument(fx, { title: 'Cyber law', paragraphs: ['cyber crime'] });
  addDocument(fx, { title: 'Draft', paragraphs: ['cyber draft'], published: false });
  store = await openStore(fx.dataDir);
  pool = createSearchPool({ sqlite: store.sqlite.sqlite, workers: 0 });
  calls = [];
  cached = withResultCache(counting(pool), { generation: () => store.searchIndex.generation() });
});
afterAll(async () => {
  await cached.close();
  await store.close();
  await fx.close();
});

describe('shared search result cache', () => {
  it('answers a hundred identical searches, concurrent or not, with one call to the engine', async () => {
    calls.length = 0;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        cached.search({ q: i % 2 ? 'cyber' : '  cyber ', viewer: ANONYMOUS }),
      ),
    );
    expect(calls.length).toBe(1);
    expect(new Set(results.map((r) => r.total))).toEqual(new Set([2]));
    await cached.search({ q: 'cyber', viewer: ANONYMOUS });
    expect(calls.length).toBe(1);
    // Anything else that changes the answer is another entry.
    await cached.search({ q: 'cyber', viewer: ANONYMOUS, limit: 1 });
    await cached.search({ q: 'cyber', viewer: ANONYMOUS, sort: 'title' });
    expect(calls.length).toBe(3);
  });

  it('never lets anonymous and signed-in readers share an entry', async () => {
    const anonymous = await cached.search({ q: 'draft', viewer: ANONYMOUS });
    const signedIn = await cached.search({ q: 'draft', viewer: SIGNED_IN });
    expect(anonymous.total).toBe(0);
    expect(signedIn.total).toBe(1);
    expect((await cached.search({ q: 'draft', viewer: ANONYMOUS })).total).toBe(0);
  });

  it('sees an entity edit and a publish made through the operations on the next search', async () => {
    const before = await store.searchIndex.generation();
    expect((await cached.search({ q: 'renamed', viewer: ANONYMOUS })).total).toBe(0);
    await updateEntity({ store, actor: OPERATOR, id: firstId, patch: { title: 'Renamed strategy' } });
    expect(await store.searchIndex.generation()).toBeGreaterThan(before);
    expect((await cached.search({ q: 'renamed', viewer: ANONYMOUS })).total).toBe(1);

    expect((await cached.search({ q: 'draft', viewer: ANONYMOUS })).total).toBe(0);
    const draft = store.sqlite.sqlite
      .prepare(`SELECT id FROM entities WHERE title = 'Draft'`)
      .pluck()
      .get() as string;
    await updateEntity({ store, actor: OPERATOR, id: draft, patch: { published: true } });
    expect((await cached.search({ q: 'draft', viewer: ANONYMOUS })).total).toBe(1);
  });

  it('sees a write from another connection (the CLI, the ingest worker) on the next search', async () => {
    const before = await store.searchIndex.generation();
    expect((await cached.search({ q: 'quantum', viewer: ANONYMOUS })).total).toBe(0);
    // The fixture writes through its own connection, as another process on the same database would.
    addDocument(fx, { title: 'Elsewhere', paragraphs: ['quantum resilience'] });
    expect(await store.searchIndex.generation()).toBeGreaterThan(before);
    expect((await cached.search({ q: 'quantum', viewer: ANONYMOUS })).total).toBe(1);
  });

  it('keeps no more entries than allowed, least recently used out first', async () => {
    calls.length = 0;
    const small = withResultCache(counting(pool), {
      generation: () => store.searchIndex.generation(),
      maxEntries: 2,
    });
    await small.search({ q: 'cyber', viewer: ANONYMOUS });
    await small.search({ q: 'norms', viewer: ANONYMOUS });
    await small.search({ q: 'cyber', viewer: ANONYMOUS }); // hit: cyber is now the most recent
    await small.search({ q: 'crime', viewer: ANONYMOUS }); // evicts norms
    expect(calls.length).toBe(3);
    await small.search({ q: 'cyber', viewer: ANONYMOUS });
    expect(calls.length).toBe(3);
    await small.search({ q: 'norms', viewer: ANONYMOUS });
    expect(calls.length).toBe(4);
  });
});

describe('shared search result cache following writes (decision 69)', () => {
  // A matching entity's text changes, it keeps its keys and is not on the page: only its score moved.
  const tracked = (bounds?: { rankingWaitMs?: number }) =>
    withResultCache(counting(pool), {
      generation: () => store.searchIndex.generation(),
      feed: { search: (p) => pool.run('trackedSearch', p), revalidate: (a) => pool.run('revalidate', a) },
      bounds,
    });
  const TOP: SearchParams = { q: 'ranking', viewer: SIGNED_IN, limit: 1 };
  let lowId: string;
  beforeAll(() => {
    addDocument(fx, { title: 'Ranking of states', paragraphs: ['ranking'] });
    lowId = addDocument(fx, { title: 'Annual review', paragraphs: ['the ranking is in the annex'] });
  });

  it('serves an answer whose order a write may have moved while it searches a fresh one in the background', async () => {
    const cache = tracked();
    const before = await cache.search(TOP);
    expect(before.total).toBe(2);
    expect(before.items[0]?.entity.title).toBe('Ranking of states');
    await updateEntity({
      store,
      actor: OPERATOR,
      id: lowId,
      patch: { title: 'Ranking, ranking: the ranking' },
    });
    calls.length = 0;
    // Same total and facets (it matched and matches), so the kept answer is served at once...
    expect(await cache.search(TOP)).toBe(before);
    // ...and replaced by the fresh one the read started, where the edited entity now leads.
    await new Promise((r) => setTimeout(r, 50));
    const after = await cache.search(TOP);
    expect(after).not.toBe(before);
    expect(after.items[0]?.entity.id).toBe(lowId);
    expect(after.total).toBe(2);
  });

  it('searches again when it cannot learn what a write changed', async () => {
    const cache = withResultCache(counting(pool), {
      generation: () => store.searchIndex.generation(),
      feed: {
        search: (p) => pool.run('trackedSearch', p),
        revalidate: () => Promise.reject(new Error('the change log is unreadable')),
      },
    });
    const before = await cache.search(TOP);
    await updateEntity({ store, actor: OPERATOR, id: lowId, patch: { title: 'Annual review, revised' } });
    const after = await cache.search(TOP);
    expect(after).not.toBe(before);
    expect(after.total).toBe(2);
  });

  it('makes a read past the bound wait for the fresh answer', async () => {
    const cache = tracked({ rankingWaitMs: 0 });
    await updateEntity({ store, actor: OPERATOR, id: lowId, patch: { title: 'Annual review' } });
    const before = await cache.search(TOP);
    expect(before.items[0]?.entity.title).toBe('Ranking of states');
    await updateEntity({
      store,
      actor: OPERATOR,
      id: lowId,
      patch: { title: 'Ranking: the ranking review' },
    });
    const after = await cache.search(TOP);
    expect(after).not.toBe(before);
    expect(after.items[0]?.entity.id).toBe(lowId);
  });

  it('keeps a first page when the edited entity still scores clearly below its last item', async () => {
    const cache = tracked({ rankingWaitMs: 0 });
    await updateEntity({ store, actor: OPERATOR, id: lowId, patch: { title: 'Annual review' } });
    const before = await cache.search(TOP);
    await updateEntity({
      store,
      actor: OPERATOR,
      id: lowId,
      patch: { title: 'Annual review, second edition' },
    });
    const after = await cache.search(TOP);
    expect(after).toBe(before);
    const fresh = await pool.search(TOP);
    expect(after.items.map((i) => i.entity.id)).toEqual(fresh.items.map((i) => i.entity.id));
    expect(after.total).toBe(fresh.total);
  });
});

describe('a kept frequent word after a write (decision 78)', () => {
  // A listed word ('zulu', in a quarter of the titles: its idf is above the floor) and a word in most rows
  // ('alpha', idf at the floor), on a seeded corpus with small top lists and holders on disk (decision 68).
  let lx: Fixture;
  let lstore: SqliteStore;
  let lpool: SearchPool;
  let reader: Database.Database;
  let docids: Map<string, number>;
  const zulu: string[] = [];
  const rest: string[] = [];
  beforeAll(async () => {
    lx = await createFixture();
    standardTemplates(lx);
    const { docs } = randomCorpus(lx, 120, 41);
    for (const [i, d] of docs.entries())
      if (i % 4 === 1) {
        lx.sqlite.prepare(`UPDATE entities SET title = title || ' zulu' WHERE id = ?`).run(d.id);
        indexEntity({ sqlite: lx.sqlite, entityId: d.id });
        zulu.push(d.id);
      } else rest.push(d.id);
    lx.sqlite.transaction(() => rebuildTopTerms(lx.sqlite, { minDocs: 20, docsPerTerm: 15 }))();
    lstore = await openStore(lx.dataDir);
    lpool = createSearchPool({ sqlite: lstore.sqlite.sqlite, workers: 0 });
    reader = new Database(lx.dbPath, { readonly: true, fileMustExist: true });
    applyPragmas(reader, { readonly: true });
    docids = new Map(
      lx.sqlite.prepare(`SELECT entity_id, docid FROM search_entities`).raw().all() as [string, number][],
    );
  });
  afterAll(async () => {
    reader.close();
    await lpool.close();
    await lstore.close();
    await lx.close();
  });

  const ftsScore = (db: Database.Database, word: string, docid: number) => {
    const bm25 = db
      .prepare(
        `SELECT ${ENTITY_BM25} FROM search_entities_fts WHERE search_entities_fts MATCH ? AND rowid = ?`,
      )
      .pluck()
      .get(compile(parseQuery(word).ast, [], ENTITY_TEXT_COLUMNS, undefined), BigInt(docid)) as
      | number
      | undefined;
    return bm25 === undefined ? null : -bm25;
  };
  const writeTitle = (id: string, title: string) => {
    lx.sqlite.prepare(`UPDATE entities SET title = ? WHERE id = ?`).run(title, id);
    indexEntity({ sqlite: lx.sqlite, entityId: id });
  };

  it('scores a changed entity of a listed word from the stored holders: FTS5 itself when counted, never below it after', () => {
    const ast = (w: string) => parseQuery(w).ast;
    for (const word of ['zulu', 'alpha'])
      for (const docid of docids.values())
        expect(storedScore(reader, ast(word), docid)).toBe(ftsScore(reader, word, docid));
    expect(storedScore(reader, ast('zulu alpha'), docids.get(zulu[0]!)!)).toBeUndefined();
    // Three more rows hold zulu: its nHit, counted on this connection before, is reused as a bound.
    const others = rest.slice(0, 3);
    for (const id of others) writeTitle(id, `Added zulu ${id}`);
    let above = 0;
    for (const word of ['zulu', 'alpha'])
      for (const docid of docids.values()) {
        const stored = storedScore(reader, ast(word), docid);
        const exact = ftsScore(reader, word, docid);
        if (exact === null) expect(stored).toBeNull();
        else expect(stored).toBeGreaterThanOrEqual(exact);
        if (stored != null && exact !== null && stored > exact) above++;
      }
    expect(above).toBeGreaterThan(0);
    // A connection that counts now gets FTS5's scores again.
    const fresh = new Database(lx.dbPath, { readonly: true, fileMustExist: true });
    try {
      for (const docid of docids.values())
        expect(storedScore(fresh, ast('zulu'), docid)).toBe(ftsScore(fresh, 'zulu', docid));
    } finally {
      fresh.close();
    }
  });

  it('makes a reader after a write wait for the search of its key in flight, not search again (and see its own edit)', async () => {
    let searches = 0;
    // The tracked search reads its snapshot at once and answers 30 ms later: a write lands meanwhile.
    const cache = withResultCache(lpool, {
      generation: () => lstore.searchIndex.generation(),
      feed: {
        search: async (p) => {
          searches++;
          const tracked = await lpool.run('trackedSearch', p);
          await new Promise((r) => setTimeout(r, 30));
          return tracked;
        },
        revalidate: (a) => lpool.run('revalidate', a),
      },
    });
    const P: SearchParams = { q: 'zulu', template: 'Document', viewer: SIGNED_IN, limit: 3 };
    const first = cache.search(P);
    // An entity without the word: the answer in flight stays right through it.
    writeTitle(rest[5]!, `Untouched ${rest[5]}`);
    const second = cache.search(P);
    expect(await second).toBe(await first);
    expect(searches).toBe(1);
    const fresh = await lpool.search(P);
    expect((await second).total).toBe(fresh.total);
    expect((await second).facets).toEqual(fresh.facets);
    // An editor renames an entity on the page while a refresh is in flight: they see the new title.
    const top = (await first).items[0]!.entity.id;
    cache.search({ ...P, limit: 4 });
    const inFlight = cache.search(P);
    writeTitle(top, 'zulu renamed zulu zulu');
    const mine = await cache.search(P);
    await inFlight;
    expect(mine.items.find((i) => i.entity.id === top)?.entity.title).toBe('zulu renamed zulu zulu');
    expect(mine.total).toBe((await lpool.search(P)).total);
  });

  it('keeps its first page through an off-page edit of a matching entity, totals and facets as a fresh search', async () => {
    const cache = withResultCache(counting(lpool), {
      generation: () => lstore.searchIndex.generation(),
      feed: { search: (p) => lpool.run('trackedSearch', p), revalidate: (a) => lpool.run('revalidate', a) },
    });
    const P: SearchParams = { q: 'zulu', template: 'Document', viewer: SIGNED_IN, limit: 3 };
    const before = await cache.search(P);
    const shown = new Set(before.items.map((i) => i.entity.id));
    const off = zulu.filter((id) => !shown.has(id) && docids.has(id));
    // The lowest scorer, made longer: it still holds the word, keeps its keys and scores lower still.
    const low = off.sort(
      (a, b) => ftsScore(lx.sqlite, 'zulu', docids.get(a)!)! - ftsScore(lx.sqlite, 'zulu', docids.get(b)!)!,
    )[0]!;
    writeTitle(low, `A longer title of many more words than before for zulu ${low}`);
    calls.length = 0;
    const scored = storedScoring.scored;
    const after = await cache.search(P);
    expect(storedScoring.scored).toBeGreaterThan(scored);
    expect(after).toBe(before);
    expect(calls.length).toBe(0);
    const fresh = await lpool.search(P);
    expect(after.items.map((i) => i.entity.id)).toEqual(fresh.items.map((i) => i.entity.id));
    expect(after.total).toBe(fresh.total);
    expect(after.facets).toEqual(fresh.facets);
    // Raised above the page: the kept answer is served while the fresh one is searched, which then leads.
    writeTitle(low, 'zulu zulu zulu zulu zulu zulu');
    expect(await cache.search(P)).toBe(before);
    await new Promise((r) => setTimeout(r, 50));
    const refreshed = await cache.search(P);
    expect(refreshed.items[0]?.entity.id).toBe(low);
    expect(refreshed.total).toBe(fresh.total);
    expect(refreshed.facets).toEqual((await lpool.search(P)).facets);
  });
});

describe('search workers', () => {
  it('follow the cores unless CYBERPORTAL_SEARCH_WORKERS says otherwise; the cache can be turned off', () => {
    const base = { CYBERPORTAL_DATA: fx.dataDir };
    expect(loadConfig(base).searchWorkers).toBe(Math.max(1, availableParallelism()));
    expect(loadConfig({ ...base, CYBERPORTAL_SEARCH_WORKERS: '3' }).searchWorkers).toBe(3);
    expect(loadConfig(base).searchCache).toBe(true);
    expect(loadConfig({ ...base, CYBERPORTAL_SEARCH_CACHE: '0' }).searchCache).toBe(false);
  });

  it.runIf(process.platform === 'linux')(
    'run at normal priority: a busy process must not starve them',
    async () => {
      const workers = createSearchPool({ dbPath: store.sqlite.path, workers: 1 });
      try {
        await workers.search({ q: 'cyber', viewer: ANONYMOUS });
        // The pool's children are this process's children running search/worker.mjs (an ingest runner's
        // extraction worker, extract-worker.mjs, may be kept idle in this fork: vitest.config.ts).
        const children = childrenRunning('/search/worker.mjs');
        expect(children.length).toBe(1);
        expect(getPriority(Number(children[0]))).toBe(getPriority());
      } finally {
        await workers.close();
      }
    },
  );
});
