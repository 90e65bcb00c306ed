import type Database from 'better-sqlite3';
import { alignedTerms } from '../../../domain/text-analysis/index.ts';
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
  /** The language its words are analysed in. */
  language: string | null;
};

/** A paragraph as the source of suggestions; undefined when it does not exist. */
export function paragraphSource(sqlite: Database.Database, paragraphId: string): SuggestSource | undefined {
  const row = sqlite
    .prepare(
      `SELECT p.file_id AS fileId, e.id AS entityId, e.published, p.start, p."end", p.text,
         coalesce(p.language, f.language, e.language) AS language
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
): { entityId: string; published: boolean; fullText: string; language: string | null } | undefined {
  const row = sqlite
    .prepare(
      `SELECT e.id AS entityId, e.published, coalesce(f.full_text, '') AS fullText,
         coalesce(f.language, e.language) AS language
       FROM files f JOIN entities e ON e.id = f.entity_id WHERE f.id = ?`,
    )
    .get(fileId) as
    | { entityId: string; published: number; fullText: string; language: string | null }
    | undefined;
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
 * The index's terms for each word, as the paragraph index analyses a text in `language`
 * (domain/text-analysis): what a word is matched and counted as.
 */
export function tokenizeWords(words: string[], language: string | null): Map<string, string[]> {
  return new Map(words.map((w) => [w, alignedTerms(w, language).split(' ').filter(Boolean)]));
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
