import type Database from 'better-sqlite3';
import { termForms } from '../../../domain/text-analysis/index.ts';
import { TERM_TOKENIZER } from './analysis-functions.ts';
import {
  ENTITY_BM25,
  ENTITY_COLUMN_WEIGHTS,
  TOP_TERM_DOCS,
  TOP_TERM_MIN_DOCS,
  TOP_TERMS_MAX,
} from './ranking.ts';
import { holderValue, writeDocValues, writeFormValues } from './top-holders.ts';
import {
  bm25Of,
  bm25OfForms,
  type IndexStats,
  idfOf,
  indexTotals,
  listKey,
  rowSizes,
  rowsHolding,
} from './top-term-scores.ts';

/*
 * Top lists of the collection's most frequent words (issue 16 item 1). FTS5 has no top-k pruning: a word
 * held by most entities was scored in every one of them on every query. A typed word is matched as the OR
 * of its forms (each language's analysis of it), so a list belongs to a form set: for each of the
 * TOP_TERMS_MAX most frequent written words held by at least TOP_TERM_MIN_DOCS entities, `search_top_docs`
 * keeps the entities whose bm25 for the word's forms is above a `floor` (about the TOP_TERM_DOCS best),
 * with what that bm25 is computed from; a one-word query ranks the list with the live statistics
 * (top-term-scores.ts) and counts the whole match without scoring it. Built by reindexAll (and at open
 * after a migration asks); kept exact on every write of an entity (maintainTopTerms): the list is "every
 * entity above the floor under the statistics it was built with", which a write can keep true on its own.
 */

type ListedTerm = { term: string; forms: string[]; stats: IndexStats[]; floor: number };

const WEIGHTS = ENTITY_COLUMN_WEIGHTS as Record<string, number>;

const listedTerms = (sqlite: Database.Database) =>
  (
    sqlite.prepare(`SELECT term, forms, n_rows, avgdl, n_hits, floor FROM search_top_terms`).raw().all() as [
      string,
      string,
      number,
      number,
      string,
      number,
    ][]
  ).map(([term, forms, nRows, avgdl, nHits, floor]): ListedTerm => {
    const hits = JSON.parse(nHits) as number[];
    return { term, forms: JSON.parse(forms), stats: hits.map((nHit) => ({ nRows, avgdl, nHit })), floor };
  });

/**
 * Per index token, the column-weighted count in one row's texts, and the row's token count. The texts are
 * analysed terms already, tokenized as the entity index tokenizes them (a stemming tokenizer would stem
 * the stems again: "generous" → "gener", and the row would leave the word's list).
 */
function tokenCounts(sqlite: Database.Database, columns: Record<string, string>) {
  sqlite.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.top_scratch USING fts5(title, meta, body, tags,
       tokenize = "${TERM_TOKENIZER}");
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
  const terms = listedTerms(sqlite);
  if (!terms.length) return;
  const { f, d } = columns ? tokenCounts(sqlite, columns) : { f: new Map<string, number>(), d: 0 };
  // The row's value for every listed form (top-holders.ts), what a reader's holders follow.
  const values = new Map<string, number>();
  for (const t of terms)
    for (const form of t.forms) values.set(form, holderValue(f.get(form) ?? 0, f.has(form)));
  writeDocValues(sqlite, docid, values);
  if (!columns) return;
  const insert = sqlite.prepare(`INSERT INTO search_top_docs (term, docid, fs, d) VALUES (?, ?, ?, ?)`);
  for (const t of terms) {
    const fs = t.forms.map((form) => f.get(form) ?? 0);
    if (fs.some((n) => n > 0) && bm25OfForms(fs, d, t.stats) > t.floor)
      insert.run(t.term, docid, JSON.stringify(fs), d);
  }
}

/** Each holder's column-weighted count of one form, recovered from FTS5's bm25 of the form alone. */
function formCounts(sqlite: Database.Database, form: string, stats: IndexStats): Map<number, number> | null {
  const rows = sqlite
    .prepare(`SELECT rowid, -${ENTITY_BM25} FROM search_entities_fts WHERE search_entities_fts MATCH ?`)
    .raw()
    .all(`{title meta body} : "${form.replace(/"/g, '""')}"`) as [number, number][];
  const sizes = rowSizes(
    sqlite,
    rows.map(([docid]) => docid),
  );
  const idf = idfOf(stats);
  const out = new Map<number, number>();
  for (const [docid, score] of rows) {
    const d = sizes.get(docid);
    if (d === undefined) return null;
    // score/idf = f(k1+1) / (f + k1·L)  ⇒  f = x·k1·L / (k1 + 1 − x); f is a sum of column weights.
    const x = score / idf;
    const l = 1 - 0.75 + (0.75 * d) / stats.avgdl;
    const f = Math.round((x * 1.2 * l) / (1.2 + 1 - x));
    if (bm25Of(f, d, stats, idf) !== score) return null;
    out.set(docid, f);
  }
  return out;
}

/**
 * Rebuilds every top list from the index (after reindexAll). The words are the most frequent written
 * words (search_words_fts); each word's list is FTS5's own ranking of the OR of its forms, once: the rows
 * above the (TOP_TERM_DOCS + 1)-th score, with each form's count recovered from the form's own ranking and
 * checked to give the OR's score back exactly (a word for which they do not is left unlisted and ranked
 * as before).
 */
export function rebuildTopTerms(
  sqlite: Database.Database,
  { minDocs = TOP_TERM_MIN_DOCS, maxTerms = TOP_TERMS_MAX, docsPerTerm = TOP_TERM_DOCS } = {},
): { terms: number } {
  sqlite.exec(`DELETE FROM search_top_docs; DELETE FROM search_top_terms; DELETE FROM search_top_holders;`);
  sqlite
    .prepare(
      `INSERT INTO search_state (key, value) VALUES ('top_lists', 1)
       ON CONFLICT (key) DO UPDATE SET value = max(value, 0) + 1`,
    )
    .run();
  const { nRows, avgdl } = indexTotals(sqlite);
  if (!nRows) return { terms: 0 };
  const words = sqlite
    .prepare(`SELECT term FROM search_words_vocab WHERE doc >= ? ORDER BY doc DESC, term LIMIT ?`)
    .pluck()
    .all(minDocs, maxTerms * 2) as string[];
  const rank = sqlite.prepare(
    `SELECT rowid, -${ENTITY_BM25} AS score FROM search_entities_fts WHERE search_entities_fts MATCH ?
     ORDER BY score DESC, rowid LIMIT ?`,
  );
  rank.raw(true);
  const addTerm = sqlite.prepare(
    `INSERT INTO search_top_terms (term, forms, n_rows, avgdl, n_hits, floor) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const addDoc = sqlite.prepare(`INSERT INTO search_top_docs (term, docid, fs, d) VALUES (?, ?, ?, ?)`);
  const counts = new Map<string, Map<number, number> | null>();
  const holding = new Map<string, number>();
  const nHitOf = (form: string) => {
    if (!holding.has(form)) holding.set(form, rowsHolding(sqlite, form));
    return holding.get(form)!;
  };
  const done = new Set<string>();
  const stored = new Set<string>();
  let listed = 0;
  for (const word of words) {
    if (listed >= maxTerms) break;
    const forms = termForms(word);
    const term = listKey(forms);
    if (!forms.length || forms.some((f) => !f || f.includes(' ')) || done.has(term)) continue;
    done.add(term);
    const stats: IndexStats[] = forms.map((f) => ({ nRows, avgdl, nHit: nHitOf(f) }));
    const perForm = forms.map((f, i) => {
      if (!counts.has(f)) counts.set(f, stats[i]!.nHit ? formCounts(sqlite, f, stats[i]!) : new Map());
      return counts.get(f)!;
    });
    if (perForm.some((c) => c === null)) continue;
    const expr = `{title meta body} : (${forms.map((f) => `"${f.replace(/"/g, '""')}"`).join(' OR ')})`;
    const rows = rank.all(expr, docsPerTerm + 1) as [number, number][];
    const floor = rows.length > docsPerTerm ? rows[docsPerTerm]![1] : 0;
    const kept = rows.slice(0, docsPerTerm).filter(([, score]) => score > floor);
    const sizes = rowSizes(
      sqlite,
      kept.map(([docid]) => docid),
    );
    const idfs = stats.map(idfOf);
    const entries: [number, number[], number][] = [];
    for (const [docid, score] of kept) {
      const d = sizes.get(docid);
      if (d === undefined) break;
      const fs = perForm.map((c) => c!.get(docid) ?? 0);
      if (bm25OfForms(fs, d, stats, idfs) !== score) break;
      entries.push([docid, fs, d]);
    }
    if (entries.length !== kept.length) continue;
    addTerm.run(term, JSON.stringify(forms), nRows, avgdl, JSON.stringify(stats.map((s) => s.nHit)), floor);
    for (const [docid, fs, d] of entries) addDoc.run(term, docid, JSON.stringify(fs), d);
    forms.forEach((form, i) => {
      if (!stored.has(form)) storeHolders(sqlite, form, perForm[i]!, stats[i]!.nHit);
      stored.add(form);
    });
    listed++;
  }
  return { terms: listed };
}

/**
 * A listed form's holders on disk (top-holders.ts), from its text-column counts (what the list was built
 * from); rows holding it in the tags only (more rows hold it than hold it in the text) are found by a
 * MATCH of the tags column.
 */
function storeHolders(sqlite: Database.Database, form: string, text: Map<number, number>, nHit: number) {
  const values = new Map<number, number>();
  for (const [docid, f] of text) values.set(docid, holderValue(f, true));
  if (nHit > text.size) {
    const tags = sqlite
      .prepare(`SELECT rowid FROM search_entities_fts WHERE search_entities_fts MATCH ?`)
      .pluck()
      .all(`{tags} : "${form.replace(/"/g, '""')}"`) as number[];
    for (const docid of tags) if (!values.has(docid)) values.set(docid, 1);
  }
  writeFormValues(sqlite, form, values);
}

/** Rebuilds the lists when a migration asked for it (`search_state.top_lists` = 0). Runs at open. */
export function rebuildStaleTopTerms(
  sqlite: Database.Database,
  options?: Parameters<typeof rebuildTopTerms>[1],
): void {
  const state = sqlite.prepare(`SELECT value FROM search_state WHERE key = 'top_lists'`).pluck().get();
  if (state === 0) sqlite.transaction(() => rebuildTopTerms(sqlite, options))();
}
