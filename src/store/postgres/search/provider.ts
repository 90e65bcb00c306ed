import { createHash } from 'node:crypto';
import pg from 'pg';
import type { QueryAst } from '../../../domain/query-language/index.ts';
import { buildDocCache, type Doc, type DocCache } from '../../../search/doc-cache.ts';
import { SearchTimeout, SearchUnavailable } from '../../../search/errors.ts';
import { exportResults } from '../../../search/export.ts';
import type { SearchParams, SearchProvider } from '../../../search/provider.ts';
import type { CacheFeed } from '../../../search/write-effects.ts';
import { autocompleteTitles } from './autocomplete.ts';
import { matchedOf, pointOf, revalidate } from './cache-feed.ts';
import { thesaurusLabels } from './entity-index.ts';
import {
  type Catalog,
  loadDocMeta,
  loadTemplates,
  SEARCH_STATE_SQL,
  type StateRow,
  searchStateOf,
} from './queries.ts';
import { runSearch } from './search.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';
import { suggestParagraphs } from './suggest.ts';
import { analysedLexicon, type Lexicon } from './tsquery.ts';
import { searchWithinFile } from './within-file.ts';

export type PostgresSearchOptions = {
  /** The store's pool (`openPostgresStore(...).postgres.pool`); the provider never ends a pool it did not make. */
  pool?: pg.Pool;
  /** Or a database URL: the provider makes (and on close ends) its own pool of `maxConnections`. */
  url?: string;
  maxConnections?: number;
  /** Deadline of one call (config.searchTimeoutMs, default 5 s): PostgreSQL cancels the statement past it. */
  timeoutMs?: number;
  /** Called with each statement's text and duration (benches: where a search spends its time). */
  onStatement?: (sql: string, ms: number) => void;
};

const QUERY_CANCELED = '57014';

/** A prepared statement's name from its text (node-postgres prepares a name once per connection). */
const statementName = (text: string) =>
  `cp_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;

/**
 * The PostgreSQL `SearchProvider` (src/search/provider.ts). Each call runs in one read-only REPEATABLE
 * READ transaction on a pooled connection (one snapshot, as the FTS5 engine's read transaction), with a
 * `statement_timeout` as its deadline: unlike SQLite's, a PostgreSQL statement can be cancelled, so no
 * worker processes are needed; the server's own event loop only counts facets and builds cards.
 */
/** The provider, and what the result cache follows writes by (decision 69). */
export type PostgresSearchProvider = SearchProvider & { feed: CacheFeed };

export function createPostgresSearchProvider(opts: PostgresSearchOptions): PostgresSearchProvider {
  const owned = !opts.pool;
  const pool = opts.pool ?? new pg.Pool({ connectionString: opts.url, max: opts.maxConnections ?? 4 });
  if (owned) pool.on('error', () => {});
  const timeoutMs = Math.max(1, Math.round(opts.timeoutMs ?? 5000));
  let cached: { version: number; cache: DocCache; configs: string[] } | null = null;
  let catalogFor: { generation: number; catalog: Catalog } | null = null;
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  /** The query's words as the domain analyses them (in `languages`, all when unset): no round trip. */
  const lexicon =
    (_db?: SqlRunner, _configs?: string[]) =>
    async (_ast: QueryAst, languages?: string[]): Promise<Lexicon> =>
      analysedLexicon(languages);

  /**
   * Sort and facet keys of every indexed entity (reloaded when the index version moves) and the
   * templates and thesauri (when the write generation moves): one small read per call, not four.
   */
  const state = async (db: SqlRunner, stateRows: StateRow[]) => {
    const { version, generation } = searchStateOf(stateRows);
    const docs =
      cached?.version === version
        ? cached
        : {
            version,
            cache: buildDocCache(await loadDocMeta(db)),
            configs: (
              await rowsOf<{ c: string }>(db, `SELECT DISTINCT config::text AS c FROM search_entities`)
            ).map((r) => r.c),
          };
    const labels =
      catalogFor?.generation === generation
        ? catalogFor
        : {
            generation,
            catalog: { templates: await loadTemplates(db), thesauri: await thesaurusLabels(db) },
          };
    cached = docs;
    catalogFor = labels;
    return { cache: docs.cache, catalog: labels.catalog, configs: docs.configs };
  };

  async function read<T>(work: (db: SqlRunner, stateRows: StateRow[]) => Promise<T>): Promise<T> {
    if (closed) throw new SearchUnavailable();
    const run = (async () => {
      const client = await pool.connect();
      let broken = false;
      let committing = false;
      try {
        // One round trip, which also reads the index version and write generation: a loaded machine
        // makes each round trip cost milliseconds (3–12 ms each at load 12–20). No sequential scans: for a
        // frequent word the planner estimates a scan of search_entities cheaper than its GIN index, but a
        // scan tests `tsv @@` on every row, reading (decompressing) every entity's full vector: 0.5 s.
        // Custom plans: after five runs a prepared statement may keep a generic plan, made without the
        // parameters, which cannot tell a word in 100,000 paragraphs from one in 10 (the snippet
        // statement took the paragraphs' GIN bitmap of a frequent word, 160 ms; EXPLAIN with the
        // values chose the page's files, 19 ms); planning with them costs ~0.2–1 ms a statement.
        // work_mem: a bitmap past it turns lossy, and a lossy page of the word-pairs index is rechecked by
        // recomputing cp_word_pairs row by row (~1 ms each).
        // No JIT: a plan whose only path is a disabled sequential scan costs 10^10, past every JIT
        // threshold, and compiling it with inlining and optimisation takes 50–200 ms for a statement that
        // runs in well under one.
        const begun = (await client.query(
          `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${timeoutMs};
           SET LOCAL enable_seqscan = off; SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_custom_plan;
           SET LOCAL work_mem = '16MB'; ${SEARCH_STATE_SQL}`,
        )) as unknown as pg.QueryResult<StateRow>[];
        const trace = opts.onStatement;
        // Named (prepared) statements: each connection parses and analyses a statement shape once (it
        // cost more than running some of them on a busy machine, 6–12 ms); the plan is made per run.
        const runner: SqlRunner = {
          async query(text, params) {
            const t0 = trace ? performance.now() : 0;
            const r = await client.query({ name: statementName(text), text, values: params });
            trace?.(text, performance.now() - t0);
            return r as never;
          },
        };
        const result = await work(runner, begun[begun.length - 1]?.rows ?? []);
        // A read-only transaction: its COMMIT changes nothing the answer depends on, so the answer does
        // not wait for it (one round trip less); the connection returns to the pool once it is done.
        committing = true;
        client.query('COMMIT').then(
          () => client.release(),
          () => client.release(true),
        );
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        if ((err as { code?: string }).code === QUERY_CANCELED) throw new SearchTimeout(timeoutMs);
        throw err;
      } finally {
        if (!committing) client.release(broken);
      }
    })();
    inFlight.add(run);
    try {
      return await run;
    } finally {
      inFlight.delete(run);
    }
  }

  const search = (params: SearchParams) =>
    read(async (db, stateRows) => {
      const { cache, catalog, configs } = await state(db, stateRows);
      return runSearch(db, cache, catalog, lexicon(db, configs), params);
    });

  const feed: CacheFeed = {
    search: (params) =>
      read(async (db, stateRows) => {
        const { cache, catalog, configs } = await state(db, stateRows);
        let counted: Doc[] = [];
        const result = await runSearch(db, cache, catalog, lexicon(db, configs), params, (c) => {
          counted = c;
        });
        return { result, at: pointOf(stateRows), matched: matchedOf(params, counted) };
      }),
    revalidate: (args) => read((db, stateRows) => revalidate(db, stateRows, args)),
  };

  return {
    feed,
    search,
    searchWithinFile: (params) => read((db) => searchWithinFile(db, lexicon(db), params)),
    autocompleteTitles: (params) => read((db) => autocompleteTitles(db, lexicon(db), params)),
    suggestParagraphs: (params) => read((db) => suggestParagraphs(db, params)),
    exportResults: (params, format) => exportResults({ ...params, run: search }, format),
    async close({ drainMs = 0 } = {}) {
      if (closed) return;
      closed = true;
      if (inFlight.size && drainMs > 0)
        await Promise.race([
          Promise.allSettled([...inFlight]),
          new Promise((resolve) => setTimeout(resolve, drainMs).unref()),
        ]);
      if (owned) await pool.end();
    },
  };
}
