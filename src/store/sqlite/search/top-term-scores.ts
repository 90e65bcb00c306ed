import type Database from 'better-sqlite3';
import { hasCjk, type QueryAst } from '../../../domain/query-language/index.ts';
import { termForms } from '../../../domain/text-analysis/index.ts';
import { lastChange } from './queries.ts';
import { cached } from './statements.ts';

/*
 * FTS5's bm25 (fts5_aux.c), rebuilt from its inputs so a listed entity's score equals the one FTS5 would
 * compute now: score = idf · f(k1+1) / (f + k1(1 − b + b·D/avgdl)), with f the column-weighted count of
 * the word in the row, D the row's token count (all columns), avgdl = tokens / rows of the index, and
 * idf = ln((N − nHit + 0.5) / (nHit + 0.5)), at least 1e-6. Same operations in the same order, so the
 * doubles are the same ones (checked when a list is built, and by search-top-terms.test.ts).
 */
const K1 = 1.2;
const B = 0.75;

export type IndexStats = { nRows: number; avgdl: number; nHit: number };

export const idfOf = (s: IndexStats) => {
  const idf = Math.log((s.nRows - s.nHit + 0.5) / (s.nHit + 0.5));
  return idf <= 0 ? 1e-6 : idf;
};

/** bm25 of one word for a row (positive: higher is better). */
export const bm25Of = (f: number, d: number, s: IndexStats, idf = idfOf(s)) =>
  idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * d) / s.avgdl)));

/** SQLite's varint (fts5 stores its totals and row sizes as runs of them). */
function varints(buf: Buffer): number[] {
  const out: number[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let v = 0;
    let i = 0;
    for (; i < 8; i++) {
      const byte = buf[pos + i]!;
      v = v * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    if (i === 8) v = v * 256 + buf[pos + 8]!;
    out.push(v);
    pos += Math.min(i, 8) + 1;
  }
  return out;
}

/** Rows and tokens of the entity index, from FTS5's averages record (what bm25 reads). */
export function indexTotals(sqlite: Database.Database): { nRows: number; avgdl: number } {
  const blob = cached(sqlite, `SELECT block FROM search_entities_fts_data WHERE id = 1`, 'pluck').get() as
    | Buffer
    | undefined;
  const [nRows = 0, ...columns] = blob ? varints(blob) : [];
  const tokens = columns.reduce((a, b) => a + b, 0);
  return { nRows, avgdl: nRows ? tokens / nRows : 0 };
}

/** Token counts of some rows, all columns together (FTS5's xColumnSize(-1)). */
export function rowSizes(sqlite: Database.Database, docids: number[]): Map<number, number> {
  const stmt = cached(sqlite, `SELECT sz FROM search_entities_fts_docsize WHERE id = ?`, 'pluck');
  const out = new Map<number, number>();
  for (const id of docids) {
    const sz = stmt.get(id) as Buffer | undefined;
    if (sz)
      out.set(
        id,
        varints(sz).reduce((a, b) => a + b, 0),
      );
  }
  return out;
}

/** Every row's token count, by docid (0: no row): one pass over FTS5's sizes table, for a reader's cache. */
export function allRowSizes(sqlite: Database.Database): Int32Array {
  const rows = cached(sqlite, `SELECT id, sz FROM search_entities_fts_docsize`, 'raw').all() as [
    number,
    Buffer,
  ][];
  let max = -1;
  for (const [id] of rows) if (id > max) max = id;
  const out = new Int32Array(max + 1);
  for (const [id, sz] of rows) out[id] = varints(sz).reduce((a, b) => a + b, 0);
  return out;
}

/** Entities whose row holds an index token (FTS5's nHit for a one-word phrase). */
export const rowsHolding = (sqlite: Database.Database, term: string) =>
  (cached(sqlite, `SELECT doc FROM search_entities_vocab WHERE term = ?`, 'pluck').get(term) as
    | number
    | undefined) ?? 0;

/**
 * The forms of a plain one-word query, in the order its MATCH names them (fts5-query.ts: every language's
 * analysis of the word, ORed), or null (several words, CJK, a prefix, a phrase, a form of several tokens).
 * They key the word's top list. The analysis keeps its own cache of words' terms, so no memo is needed.
 */
export function queryForms(ast: QueryAst): string[] | null {
  if (ast.must.length !== 1 || ast.must[0]!.any.length !== 1 || ast.not.length) return null;
  const t = ast.must[0]!.any[0]!;
  if (t.kind !== 'word' || t.prefix || hasCjk(t.text)) return null;
  const forms = termForms(t.text);
  return forms.length && forms.every((f) => f && !f.includes(' ')) ? forms : null;
}

/** A list's key: the forms in query order. */
export const listKey = (forms: string[]) => forms.join(' ');

/**
 * bm25 of an OR of forms for one row, as FTS5 sums it: phrase by phrase in query order (a form the row
 * lacks adds 0, as do the zero-weighted tag phrases of the MATCH).
 */
export function bm25OfForms(fs: number[], d: number, stats: IndexStats[], idfs = stats.map(idfOf)): number {
  let score = 0;
  for (let i = 0; i < fs.length; i++) score += bm25Of(fs[i]!, d, stats[i]!, idfs[i]);
  return score;
}

export type TopScores = {
  /** Live bm25 (positive) of every listed entity. */
  scores: Map<number, number>;
  /** No unlisted entity scores above this now: a page of listed entities above it is exact. */
  bound: number;
};

/** A listed word's row (its list's statistics when built), or undefined when the word has no top list. */
export const topList = (sqlite: Database.Database, term: string) =>
  cached(sqlite, `SELECT n_rows, avgdl, n_hits, floor FROM search_top_terms WHERE term = ?`).get(term) as
    | { n_rows: number; avgdl: number; n_hits: string; floor: number }
    | undefined;

/**
 * The listed entities of a one-word query with their bm25 as FTS5 would compute it now, or null when the
 * word has no list. The list holds every entity scoring above `floor` under the statistics it was built
 * with; writes since then moved rows, tokens and each form's nHit a little, and each form's part of a
 * score moves with them by at most idf_now/idf_then · max(1, avgdl_now/avgdl_then) (bm25 falls as avgdl
 * falls), so the bound for unlisted entities is the floor times the largest such factor. `admit` (the
 * query's visibility and filters on the cached keys) lets a list fewer than `need` of whose entities pass
 * be given up (an empty list with an infinite bound) before the live statistics are read (a form's row count is a pass over its doclist, which
 * `nHits` may answer from a reader's cache instead: word-holders.ts keeps it until the next write).
 */
export function topTermScores(
  sqlite: Database.Database,
  ast: QueryAst,
  {
    admit = () => true,
    need = 1,
    nHits = (forms) => forms.map((f) => rowsHolding(sqlite, f)),
  }: {
    admit?: (docid: number) => boolean;
    need?: number;
    nHits?: (forms: string[]) => number[];
  } = {},
): TopScores | null {
  const forms = queryForms(ast);
  if (!forms) return null;
  const term = listKey(forms);
  const list = topList(sqlite, term);
  if (!list) return null;
  const kept = keptList(sqlite, term);
  const rows = kept.rows;
  let admitted = 0;
  for (const [docid] of rows) if (admit(docid) && ++admitted >= need) break;
  // Listed, but not enough of the list passes: nothing on it can make a page (the caller scores the match).
  if (admitted < need) return { scores: new Map(), bound: Number.POSITIVE_INFINITY };
  if (kept.top) return kept.top;
  const totals = indexTotals(sqlite);
  if (!totals.nRows) return null;
  const hitsThen = JSON.parse(list.n_hits) as number[];
  const hitsNow = nHits(forms);
  const live: IndexStats[] = forms.map((_, i) => ({ ...totals, nHit: hitsNow[i]! }));
  const idfs = live.map(idfOf);
  const avgdlFactor = Math.max(1, totals.avgdl / list.avgdl);
  let factor = 0;
  for (let i = 0; i < forms.length; i++) {
    const then = idfOf({ nRows: list.n_rows, avgdl: list.avgdl, nHit: hitsThen[i] ?? 0 });
    factor = Math.max(factor, idfs[i]! / then);
  }
  // Rounding in the factors must never make the bound lower than the true one.
  const bound = list.floor * factor * avgdlFactor * (1 + 1e-9);
  kept.top = {
    scores: new Map(rows.map(([docid, fs, d]) => [docid, bm25OfForms(fs, d, live, idfs)])),
    bound,
  };
  return kept.top;
}

type KeptList = { seq: number; version: number; rows: [number, number[], number][]; top: TopScores | null };
const keptLists = new WeakMap<Database.Database, Map<string, KeptList>>();

/**
 * A word's list rows, parsed, and its live scores, kept per connection until the next write or rebuild
 * of the lists: both change only then (writes move search_changes, maintainTopTerms runs inside them, a
 * rebuild moves `search_state.top_lists`), and reading 500 rows of JSON cost more than the rest of a
 * filtered frequent-word query that then could not use them.
 */
function keptList(sqlite: Database.Database, term: string): KeptList {
  let lists = keptLists.get(sqlite);
  if (!lists) {
    lists = new Map();
    keptLists.set(sqlite, lists);
  }
  const seq = lastChange(sqlite);
  const version = cached(
    sqlite,
    `SELECT value FROM search_state WHERE key = 'top_lists'`,
    'pluck',
  ).get() as number;
  let kept = lists.get(term);
  lists.delete(term);
  if (!kept || kept.seq !== seq || kept.version !== version) {
    const rows = cached(sqlite, `SELECT docid, fs, d FROM search_top_docs WHERE term = ?`, 'raw').all(
      term,
    ) as [number, string, number][];
    kept = { seq, version, rows: rows.map(([docid, fs, d]) => [docid, JSON.parse(fs), d]), top: null };
  }
  lists.set(term, kept);
  if (lists.size > 64) lists.delete(lists.keys().next().value!);
  return kept;
}
