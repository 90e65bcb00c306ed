import type Database from 'better-sqlite3';
import { termForms } from '../../../domain/text-analysis/index.ts';
import {
  ENTITY_BM25,
  ENTITY_COLUMN_WEIGHTS,
  TOP_TERM_DOCS,
  TOP_TERM_MIN_DOCS,
  TOP_TERMS_MAX,
} from './ranking.ts';
import { bm25Of, type IndexStats, idfOf, indexTotals, rowSizes } from './top-term-scores.ts';

/*
 * Top lists of the index's most frequent words (issue 16 item 1). FTS5 has no top-k pruning: a word held
 * by most entities was scored in every one of them on every query. For each of the TOP_TERMS_MAX words
 * held by at least TOP_TERM_MIN_DOCS entities, `search_top_docs` keeps the entities scoring above a
 * `floor` (about the TOP_TERM_DOCS best) with what their bm25 is computed from; a one-word query ranks
 * the list with the live statistics (top-term-scores.ts) and counts the whole match without scoring it.
 * Built by reindexAll; kept exact on every write of an entity (maintainTopTerms): the list is "every
 * entity above the floor under the statistics it was built with", which a write can keep true on its own.
 */

type ListedTerm = IndexStats & { term: string; floor: number };

const WEIGHTS = ENTITY_COLUMN_WEIGHTS as Record<string, number>;

const listedTerms = (sqlite: Database.Database) =>
  (
    sqlite.prepare(`SELECT term, n_rows, avgdl, n_hit, floor FROM search_top_terms`).raw().all() as [
      string,
      number,
      number,
      number,
      number,
    ][]
  ).map(([term, nRows, avgdl, nHit, floor]): ListedTerm => ({ term, nRows, avgdl, nHit, floor }));

/** Per index token, the column-weighted count in one row's texts, and the row's token count. */
function tokenCounts(sqlite: Database.Database, columns: Record<string, string>) {
  sqlite.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.top_scratch USING fts5(title, meta, body, tags,
       tokenize = "porter unicode61 remove_diacritics 2");
     CREATE VIRTUAL TABLE IF NOT EXISTS temp.top_scratch_tokens USING fts5vocab(temp, top_scratch, instance);`,
  );
  sqlite
    .prepare(`INSERT INTO temp.top_scratch (rowid, title, meta, body, tags) VALUES (1, ?, ?, ?, ?)`)
    .run(columns.title, columns.meta, columns.body, columns.tags);
  try {
    const rows = sqlite
      .prepare(`SELECT term, col, count(*) FROM temp.top_scratch_tokens GROUP BY term, col`)
      .raw()
      .all() as [string, string, number][];
    const f = new Map<string, number>();
    let d = 0;
    for (const [term, col, n] of rows) {
      d += n;
      f.set(term, (f.get(term) ?? 0) + n * (WEIGHTS[col] ?? 0));
    }
    return { f, d };
  } finally {
    sqlite.exec(`DELETE FROM temp.top_scratch`);
  }
}

/**
 * Keeps one entity's place in every top list after its index row was written (the texts as indexed) or
 * removed (`columns` null). Inside the writer's transaction; a no-op before the lists are built.
 */
export function maintainTopTerms(
  sqlite: Database.Database,
  docid: number,
  columns: { title: string; meta: string; body: string; tags: string } | null,
): void {
  sqlite.prepare(`DELETE FROM search_top_docs WHERE docid = ?`).run(docid);
  if (!columns) return;
  const terms = listedTerms(sqlite);
  if (!terms.length) return;
  const { f, d } = tokenCounts(sqlite, columns);
  const insert = sqlite.prepare(`INSERT INTO search_top_docs (term, docid, f, d) VALUES (?, ?, ?, ?)`);
  for (const t of terms) {
    const weighted = f.get(t.term) ?? 0;
    if (weighted > 0 && bm25Of(weighted, d, t) > t.floor) insert.run(t.term, docid, weighted, d);
  }
}

/**
 * Rebuilds every top list from the index (after reindexAll). Each word's list is FTS5's own ranking of
 * it, once: the rows above the (TOP_TERM_DOCS + 1)-th score, with f recovered from the score and checked
 * to give it back exactly (a word for which it does not is left unlisted and ranked as before).
 */
export function rebuildTopTerms(
  sqlite: Database.Database,
  { minDocs = TOP_TERM_MIN_DOCS, maxTerms = TOP_TERMS_MAX, docsPerTerm = TOP_TERM_DOCS } = {},
): { terms: number } {
  sqlite.exec(`DELETE FROM search_top_docs; DELETE FROM search_top_terms;`);
  const { nRows, avgdl } = indexTotals(sqlite);
  if (!nRows) return { terms: 0 };
  // Facet tokens (zz…) live in the zero-weighted tags column: never a word to list.
  const candidates = sqlite
    .prepare(
      `SELECT term, doc FROM search_entities_vocab WHERE doc >= ? AND term NOT GLOB 'zz*'
       ORDER BY doc DESC, term LIMIT ?`,
    )
    .raw()
    .all(minDocs, maxTerms) as [string, number][];
  const rank = sqlite.prepare(
    `SELECT rowid, -${ENTITY_BM25} AS score FROM search_entities_fts WHERE search_entities_fts MATCH ?
     ORDER BY score DESC, rowid LIMIT ?`,
  );
  rank.raw(true);
  const addTerm = sqlite.prepare(
    `INSERT INTO search_top_terms (term, n_rows, avgdl, n_hit, floor) VALUES (?, ?, ?, ?, ?)`,
  );
  const addDoc = sqlite.prepare(`INSERT INTO search_top_docs (term, docid, f, d) VALUES (?, ?, ?, ?)`);

  let listed = 0;
  for (const [term, nHit] of candidates) {
    // The token typed as a query must match this token alone, in every language's analysis.
    const forms = termForms(term);
    if (forms.length !== 1 || forms[0] !== term) continue;
    const stats: IndexStats = { nRows, avgdl, nHit };
    const idf = idfOf(stats);
    const rows = rank.all(`{title meta body} : "${term}"`, docsPerTerm + 1) as [number, number][];
    const floor = rows.length > docsPerTerm ? rows[docsPerTerm]![1] : 0;
    const kept = rows.slice(0, docsPerTerm).filter(([, score]) => score > floor);
    const sizes = rowSizes(
      sqlite,
      kept.map(([docid]) => docid),
    );
    const entries: [number, number, number][] = [];
    for (const [docid, score] of kept) {
      const d = sizes.get(docid);
      if (d === undefined) break;
      // score/idf = f(k1+1) / (f + k1·L)  ⇒  f = x·k1·L / (k1 + 1 − x); f is a sum of column weights.
      const x = score / idf;
      const l = 1 - 0.75 + (0.75 * d) / avgdl;
      const f = Math.round((x * 1.2 * l) / (1.2 + 1 - x));
      if (bm25Of(f, d, stats, idf) !== score) break;
      entries.push([docid, f, d]);
    }
    if (entries.length !== kept.length) continue;
    addTerm.run(term, nRows, avgdl, nHit, floor);
    for (const [docid, f, d] of entries) addDoc.run(term, docid, f, d);
    listed++;
  }
  return { terms: listed };
}
