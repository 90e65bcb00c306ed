import type Database from 'better-sqlite3';
import type { SuggestCandidate } from '../../../search/suggest.ts';
import { PARAGRAPH_BM25 } from './ranking.ts';

// Defined with the engine-neutral re-ranking; re-exported for the PostgreSQL engine, which imports it here.
export type { SuggestCandidate };

/** The text a suggestion starts from, with what permission checks need. */
export type SuggestSource = {
  fileId: string;
  entityId: string;
  published: boolean;
  start: number;
  end: number;
  text: string;
};

/** A paragraph as the source of suggestions; undefined when it does not exist. */
export function paragraphSource(sqlite: Database.Database, paragraphId: string): SuggestSource | undefined {
  const row = sqlite
    .prepare(
      `SELECT p.file_id AS fileId, e.id AS entityId, e.published, p.start, p."end", p.text
       FROM paragraphs p JOIN files f ON f.id = p.file_id JOIN entities e ON e.id = f.entity_id
       WHERE p.id = ?`,
    )
    .get(paragraphId) as (Omit<SuggestSource, 'published'> & { published: number }) | undefined;
  return row && { ...row, published: !!row.published };
}

/** A file's entity, visibility and normalized full text ('' before it has been processed). */
export function fileSource(
  sqlite: Database.Database,
  fileId: string,
): { entityId: string; published: boolean; fullText: string } | undefined {
  const row = sqlite
    .prepare(
      `SELECT e.id AS entityId, e.published, coalesce(f.full_text, '') AS fullText
       FROM files f JOIN entities e ON e.id = f.entity_id WHERE f.id = ?`,
    )
    .get(fileId) as { entityId: string; published: number; fullText: string } | undefined;
  return row && { ...row, published: !!row.published };
}

/** An entity's visibility and the ids of its files; undefined when the entity does not exist. */
export function entityFiles(
  sqlite: Database.Database,
  entityId: string,
): { published: boolean; fileIds: string[] } | undefined {
  const published = sqlite.prepare(`SELECT published FROM entities WHERE id = ?`).pluck().get(entityId) as
    | number
    | undefined;
  if (published === undefined) return undefined;
  const fileIds = sqlite
    .prepare(`SELECT id FROM files WHERE entity_id = ? ORDER BY created_at, id`)
    .pluck()
    .all(entityId) as string[];
  return { published: !!published, fileIds };
}

/** Number of paragraphs in the index (the N of idf). */
export const paragraphCount = (sqlite: Database.Database) =>
  sqlite.prepare(`SELECT count(*) FROM paragraphs`).pluck().get() as number;

/** How many paragraphs hold each indexed term (stems, as the tokenizer wrote them); 0 when none. */
export function documentFrequencies(sqlite: Database.Database, terms: string[]): Map<string, number> {
  const stmt = sqlite.prepare(`SELECT doc FROM search_paragraphs_vocab WHERE term = ?`).pluck();
  return new Map(terms.map((t) => [t, (stmt.get(t) as number | undefined) ?? 0]));
}

/**
 * The index's tokens for each word, by running them through the same tokenizer in a temporary FTS5
 * table of this connection (temp objects are private to a connection and allowed on read-only ones).
 * Porter stemming is not idempotent ("agreed" → "agre" → "agr"), so stems cannot be re-derived from
 * stems: the caller keeps each word beside its tokens and queries with the word.
 */
export function tokenizeWords(sqlite: Database.Database, words: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>(words.map((w) => [w, []]));
  if (!words.length) return out;
  sqlite.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.suggest_words USING fts5(word,
       tokenize = "porter unicode61 remove_diacritics 2");
     CREATE VIRTUAL TABLE IF NOT EXISTS temp.suggest_words_tokens USING fts5vocab(temp, suggest_words, instance);`,
  );
  const insert = sqlite.prepare(`INSERT INTO temp.suggest_words (rowid, word) VALUES (?, ?)`);
  try {
    for (const [i, w] of words.entries()) insert.run(i + 1, w);
    const rows = sqlite
      .prepare(`SELECT doc, term FROM temp.suggest_words_tokens ORDER BY doc, "offset"`)
      .raw()
      .all() as [number, string][];
    for (const [doc, term] of rows) out.get(words[doc - 1]!)?.push(term);
  } finally {
    sqlite.exec(`DELETE FROM temp.suggest_words`);
  }
  return out;
}

const ftsQuote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The best paragraphs for an FTS5 expression over `search_paragraphs_fts` (the caller scopes it to files
 * through the `file_id` column), by bm25, leaving out one file, one range of a file and, for anonymous
 * readers, unpublished entities. FTS5 ranks rowids alone first and only the best are joined to their
 * files and entities: joining every match before sorting cost 5× at 20,000 paragraphs (bench/suggest).
 * When the filters leave too few, it asks FTS5 for more.
 */
export function paragraphCandidates(
  sqlite: Database.Database,
  opts: {
    match: string;
    excludeFileId: string | null;
    exclude: { fileId: string; start: number; end: number } | null;
    publishedOnly: boolean;
    limit: number;
  },
): SuggestCandidate[] {
  const match = opts.excludeFileId
    ? `(${opts.match}) NOT file_id : ${ftsQuote(opts.excludeFileId)}`
    : opts.match;
  const ranked = sqlite.prepare(
    `SELECT rowid, -${PARAGRAPH_BM25} FROM search_paragraphs_fts
     WHERE search_paragraphs_fts MATCH ? ORDER BY ${PARAGRAPH_BM25}, rowid LIMIT ?`,
  );
  const ex = opts.exclude;
  for (let fetch = opts.limit * 2 + 10; ; fetch *= 4) {
    const top = ranked.raw().all(match, fetch) as [number, number][];
    if (!top.length) return [];
    const score = new Map(top);
    const rows = (
      sqlite
        .prepare(
          `SELECT p.rowid, p.id AS paragraphId, p.file_id AS fileId, e.id AS entityId, e.title AS entityTitle,
             p.page, p.ordinal, p.text, p.is_heading AS isHeading
           FROM paragraphs p JOIN files f ON f.id = p.file_id JOIN entities e ON e.id = f.entity_id
           WHERE p.rowid IN (${top.map(() => '?').join(',')})
             AND NOT (p.file_id = ? AND p.start < ? AND p."end" > ?)
             AND (? = 0 OR e.published = 1)`,
        )
        .all(
          ...top.map(([rowid]) => rowid),
          ex?.fileId ?? null,
          ex?.end ?? 0,
          ex?.start ?? 0,
          opts.publishedOnly ? 1 : 0,
        ) as (Omit<SuggestCandidate, 'isHeading' | 'bm25'> & { rowid: number; isHeading: number })[]
    )
      .map(({ rowid, ...r }) => ({ ...r, rowid, isHeading: !!r.isHeading, bm25: score.get(rowid)! }))
      .sort((a, b) => b.bm25 - a.bm25 || a.rowid - b.rowid);
    if (rows.length >= opts.limit || top.length < fetch)
      return rows.slice(0, opts.limit).map(({ rowid: _, ...r }) => r);
  }
}
