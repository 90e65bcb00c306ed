import { type Kysely, sql } from 'kysely';

/*
 * Phrases through adjacent word pairs (docs/ARCHITECTURE.md, the PostgreSQL search decision). GIN on a
 * tsvector answers "holds both words" only, so a phrase of two frequent words was checked by reading the
 * positions of every paragraph holding both (up to ~600 ms at 200k paragraphs). `cp_word_pairs` turns a
 * vector into the set of its adjacent lexeme pairs ('a b' for a at n and b at n + 1), and expression GIN
 * indexes over it find the paragraphs (and long paragraphs' chunks) holding a phrase's pairs: those
 * that can hold the phrase, which is then checked on them alone. Built from the stored vector's own
 * positions, a pair is present whenever `tsv @@ 'a' <-> 'b'` holds, so the filter never loses a match;
 * an expression index keeps the table and its writers (the vector triggers) unchanged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`CREATE FUNCTION cp_word_pairs(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
      FROM (SELECT u.lexeme, n FROM unnest(v) u, unnest(u.positions) n) a
      JOIN (SELECT u.lexeme, n FROM unnest(v) u, unnest(u.positions) n) b ON b.n = a.n + 1 $$`)
    .execute(db);
  await sql.raw(`SET LOCAL maintenance_work_mem = '256MB'`).execute(db);
  await sql
    .raw(`CREATE INDEX paragraphs_word_pairs ON paragraphs USING gin (cp_word_pairs(tsv))`)
    .execute(db);
  await sql
    .raw(`CREATE INDEX paragraph_chunks_word_pairs ON paragraph_chunks USING gin (cp_word_pairs(tsv))`)
    .execute(db);
}
