import { indexTerms } from '../../../domain/text-analysis/index.ts';
import { LONG_PARAGRAPH } from '../../sqlite/search/snippet-window.ts';
import { rowsOf, type SqlRunner } from './sql-runner.ts';
import { TERMS_CONFIG } from './tsquery.ts';

/** Characters per stored chunk of a long paragraph, and how far each reaches into the next. */
const CHUNK = 4000;
const CHUNK_OVERLAP = 300;
/** Paragraphs per UPDATE: one round trip each, a few hundred KB of terms. */
const BATCH = 500;

/**
 * Writes the vectors of some paragraphs (a file's, after its text was written; an entity's, in a
 * rebuild): each paragraph's terms as the domain analyses it in its language (domain/text-analysis), in
 * the `cp_terms` configuration, and for a paragraph over LONG_PARAGRAPH characters its overlapping
 * 4,000-character chunks (positions in a tsvector stop at 16,383: a phrase deep in it is found there).
 * Written by the index repository, not a trigger: PostgreSQL cannot run the analysis, and the writer's
 * `onFileWritten` hook calls it in the transaction that makes the text ready, whichever server wrote it.
 */
export async function writeParagraphVectors(
  db: SqlRunner,
  scope: { fileId: string } | { entityId: string },
): Promise<void> {
  const byFile = 'fileId' in scope;
  const rows = await rowsOf<{ rowid: string; text: string; language: string | null }>(
    db,
    `SELECT p.rowid::text AS rowid, p.text, coalesce(p.language, f.language, e.language) AS language
     FROM paragraphs p JOIN files f ON f.id = p.file_id JOIN entities e ON e.id = f.entity_id
     WHERE ${byFile ? 'p.file_id' : 'f.entity_id'} = $1`,
    [byFile ? scope.fileId : scope.entityId],
  );
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const ids = batch.map((r) => r.rowid);
    await db.query(
      `UPDATE paragraphs p SET tsv = cp_tsvector($3::regconfig, x.t)
       FROM unnest($1::bigint[], $2::text[]) AS x(r, t) WHERE p.rowid = x.r`,
      [ids, batch.map((r) => indexTerms(r.text, r.language)), TERMS_CONFIG],
    );
    await db.query(`DELETE FROM paragraph_chunks WHERE paragraph_rowid = ANY($1::bigint[])`, [ids]);
    const chunks: { r: string; n: number; t: string }[] = [];
    for (const r of batch) {
      if (r.text.length <= LONG_PARAGRAPH) continue;
      for (let n = 0; n * CHUNK < r.text.length; n++)
        chunks.push({
          r: r.rowid,
          n,
          t: indexTerms(r.text.slice(n * CHUNK, n * CHUNK + CHUNK + CHUNK_OVERLAP), r.language),
        });
    }
    if (chunks.length)
      await db.query(
        `INSERT INTO paragraph_chunks (paragraph_rowid, n, tsv)
         SELECT x.r, x.n, to_tsvector($4::regconfig, x.t) FROM unnest($1::bigint[], $2::int[], $3::text[]) AS x(r, n, t)`,
        [chunks.map((c) => c.r), chunks.map((c) => c.n), chunks.map((c) => c.t), TERMS_CONFIG],
      );
  }
}
