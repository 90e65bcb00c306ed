import { MAX_SUGGESTION_SOURCE } from '../../../domain/schemas/suggestion.ts';
import { indexTerms } from '../../../domain/text-analysis/index.ts';
import { canSee, publishedOnly } from '../../../domain/visibility.ts';
import {
  chooseTerms,
  rerank,
  type SuggestOutcome,
  type SuggestParams,
  salience,
} from '../../../search/suggest.ts';
import { isContent, tokens, words } from '../../../search/suggest-text.ts';
import { SUGGEST_CANDIDATES_PER_RESULT } from '../../sqlite/search/ranking.ts';
import type { SuggestCandidate } from '../../sqlite/search/suggest-queries.ts';
import { PARAGRAPH_LANGUAGE } from './snippets.ts';
import { flag, rowsOf, type SqlRunner } from './sql-runner.ts';

type Source = {
  fileId: string;
  entityId: string;
  published: boolean;
  start: number;
  end: number;
  text: string;
  config: string;
};

/** Where the selection comes from, after the permission check; a failure outcome otherwise. */
async function resolveSource(
  db: SqlRunner,
  p: SuggestParams,
): Promise<Source | Extract<SuggestOutcome, { ok: false }>> {
  const hidden = (published: unknown) => !canSee(p.viewer, { published: flag(published) });
  if (p.paragraphId !== undefined) {
    const [row] = await rowsOf<{
      file_id: string;
      entity_id: string;
      published: unknown;
      start: number;
      end: number;
      text: string;
      config: string;
    }>(
      db,
      `SELECT p.file_id, e.id AS entity_id, e.published, p.start::float8 AS start, p."end"::float8 AS "end", p.text, ${PARAGRAPH_LANGUAGE} AS config
       FROM paragraphs p JOIN files f ON f.id = p.file_id JOIN entities e ON e.id = f.entity_id WHERE p.id = $1`,
      [p.paragraphId],
    );
    if (!row || hidden(row.published))
      return { ok: false, status: 404, what: 'Paragraph', id: p.paragraphId };
    return {
      fileId: row.file_id,
      entityId: row.entity_id,
      published: flag(row.published),
      start: row.start,
      end: row.end,
      text: row.text,
      config: row.config,
    };
  }
  const fileId = p.fileId ?? '';
  const [file] = await rowsOf<{ entity_id: string; published: unknown; full_text: string; config: string }>(
    db,
    `SELECT e.id AS entity_id, e.published, coalesce(f.full_text, '') AS full_text,
       coalesce(f.language, e.language) AS config
     FROM files f JOIN entities e ON e.id = f.entity_id WHERE f.id = $1`,
    [fileId],
  );
  if (!file || hidden(file.published)) return { ok: false, status: 404, what: 'File', id: fileId };
  const start = p.start ?? 0;
  const end = p.end ?? 0;
  if (!(start >= 0 && end > start && end <= file.full_text.length))
    return {
      ok: false,
      status: 400,
      field: 'end',
      message: file.full_text
        ? `The selection ${start}–${end} is outside the file's text (0–${file.full_text.length})`
        : 'The file has no text yet',
    };
  return {
    fileId,
    entityId: file.entity_id,
    published: flag(file.published),
    start,
    end,
    text: file.full_text.slice(start, end),
    config: file.config,
  };
}

/** The terms of each word as PostgreSQL's vectors hold them, analysed in the source's language. */
function stemmer(language: string, texts: string[]) {
  const list = [...new Set(texts.flatMap((t) => [...words(t)]))];
  const map = new Map(list.map((w) => [w, indexTerms(w, language).split(' ').filter(Boolean)]));
  return (word: string) => map.get(word) ?? [];
}

/**
 * The paragraphs most like a selection (the "connect passage" dialog), as the FTS5 engine finds them
 * (src/search/suggest.ts): the selection's salient words by tf·idf over paragraphs, the best paragraphs
 * holding them by ts_rank, re-ranked with the bonus for shared phrases.
 */
export async function suggestParagraphs(db: SqlRunner, p: SuggestParams): Promise<SuggestOutcome> {
  const limit = Math.max(1, Math.min(p.limit ?? 5, 20));
  const source = await resolveSource(db, p);
  if ('ok' in source) return source;
  let scope: string[] | null = null;
  if (p.targetEntityId !== undefined) {
    const [target] = await rowsOf<{ published: unknown }>(
      db,
      `SELECT published FROM entities WHERE id = $1`,
      [p.targetEntityId],
    );
    if (!target || !canSee(p.viewer, { published: flag(target.published) }))
      return { ok: false, status: 404, what: 'Entity', id: p.targetEntityId };
    scope = (
      await rowsOf<{ id: string }>(db, `SELECT id FROM files WHERE entity_id = $1`, [p.targetEntityId])
    ).map((r) => r.id);
    if (!scope.length) return { ok: true, result: { items: [], terms: [] } };
  }
  const sourceText = source.text.slice(0, MAX_SUGGESTION_SOURCE);
  const srcTokens = tokens(sourceText, stemmer(source.config, [sourceText]));
  const stems = [...new Set(srcTokens.filter(isContent).map((t) => t.stem))];
  const counts = await rowsOf<{ stem: string; n: number }>(
    db,
    `SELECT s.stem, (SELECT count(*) FROM paragraphs WHERE tsv @@ quote_literal(s.stem)::tsquery)::int AS n
     FROM unnest($1::text[]) AS s(stem)`,
    [stems],
  );
  const [{ n: total } = { n: 0 }] = await rowsOf<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM paragraphs`,
  );
  const { all, idf } = salience(srcTokens, new Map(counts.map((c) => [c.stem, c.n])), total);
  const terms = chooseTerms(all);
  if (!terms.length) return { ok: true, result: { items: [], terms: [] } };
  // The salient words as the index holds them (the FTS5 engine's query likewise).
  const query = terms.map((t) => `'${t.stem.replace(/'/g, "''")}'`).join(' | ');
  const meanIdf = terms.reduce((s, t) => s + t.idf, 0) / terms.length;
  const wanted = limit * SUGGEST_CANDIDATES_PER_RESULT;
  const candidates = (
    await rowsOf<Omit<SuggestCandidate, 'isHeading'> & { isHeading: unknown }>(
      db,
      `WITH ranked AS (
         SELECT p.rowid, ts_rank('{1,1,1,1}', p.tsv, $1::tsquery) * $7 AS bm25 FROM paragraphs p
         WHERE p.tsv @@ $1::tsquery AND ($2::text[] IS NULL OR p.file_id = ANY($2::text[]))
           AND ($3::text IS NULL OR p.file_id <> $3)
           AND NOT (p.file_id = $4 AND p.start < $5 AND p."end" > $6))
       SELECT p.id AS "paragraphId", p.file_id AS "fileId", e.id AS "entityId", e.title AS "entityTitle",
         p.page::int AS page, p.ordinal::int AS ordinal, p.text, p.is_heading AS "isHeading", r.bm25::float8 AS bm25
       FROM ranked r JOIN paragraphs p ON p.rowid = r.rowid JOIN files f ON f.id = p.file_id
         JOIN entities e ON e.id = f.entity_id
       WHERE ($8 = false OR e.published::int = 1)
       ORDER BY r.bm25 DESC, p.rowid LIMIT $9`,
      [
        query,
        scope,
        scope ? null : source.fileId,
        source.fileId,
        source.end,
        source.start,
        meanIdf,
        publishedOnly(p.viewer),
        wanted,
      ],
    )
  ).map((c) => ({ ...c, isHeading: flag(c.isHeading) }));
  const stemsOf = stemmer(
    source.config,
    candidates.map((c) => c.text.slice(0, MAX_SUGGESTION_SOURCE)),
  );
  const items = rerank(stemsOf, sourceText, srcTokens, terms, idf, candidates, limit);
  return { ok: true, result: { items, terms: terms.map((t) => t.word) } };
}
