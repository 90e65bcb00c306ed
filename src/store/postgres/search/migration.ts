import { type Kysely, sql } from 'kysely';
import { LONG_PARAGRAPH } from '../../sqlite/search/snippet-window.ts';
import { STEMMED_LANGUAGES } from './languages.ts';

/** Characters per stored chunk of a long paragraph, and how far each reaches into the next. */
export const CHUNK = 4000;
const CHUNK_OVERLAP = 300;

/*
 * The full-text search schema of the PostgreSQL engine (docs/ARCHITECTURE.md, the PostgreSQL search
 * decision). What the FTS5 engine keeps in virtual tables is here in plain tables with tsvector columns:
 *
 * - `paragraphs.tsv`: each paragraph's words in its language's configuration, written by a trigger in the
 *   writer's own transaction (whichever server or process writes the row), GIN-indexed: snippets, search
 *   within a file and suggestions match paragraphs through it.
 * - `search_entities`: one row per entity, the unit of results, totals and facets. `tsv` holds the title
 *   (weight A), metadata text (B) and the full text of its files (C) in the entity's configuration;
 *   `words` the same text unstemmed and without positions, for prefixes as written (`cooperat*` finds
 *   "cooperating", whose English stem "cooper" it does not start); `title_words` the title alone for
 *   autocomplete; `rank_tsv` title, metadata and the text's opening, for ranking every match cheaply; `tags` the facet, template and year tokens (the FTS5 engine's tag tokens, as an array).
 *   The row is built by the search index repository (labels and relationship titles need the templates
 *   and thesauri), like the FTS5 entity index.
 * - `search_state`: 'version' moves when a cached sort or facet key may be stale; 'generation' moves on
 *   any write that can change a result (triggers, as in the SQLite engine).
 */

const WORD_TOKENS =
  'asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart';

/** Tables whose writes change search results (result cache and ETags key on the generation). */
const GENERATION_TABLES = ['search_entities', 'entities', 'files', 'templates', 'thesauri', 'relation_types'];

export async function up(db: Kysely<unknown>): Promise<void> {
  // unaccent is in Debian's postgresql-15 contrib and trusted (a database owner may create it); without it
  // the configurations stay accent-sensitive rather than the migration failing.
  await sql
    .raw(`DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS unaccent;
      EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'unaccent unavailable: %', SQLERRM; END $$`)
    .execute(db);
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'unaccent'`.execute(db);
  const fold = rows[0]?.n ? 'unaccent, ' : '';
  await sql.raw(`CREATE TEXT SEARCH CONFIGURATION cp_simple (COPY = simple)`).execute(db);
  await sql
    .raw(`ALTER TEXT SEARCH CONFIGURATION cp_simple ALTER MAPPING FOR ${WORD_TOKENS} WITH ${fold}simple`)
    .execute(db);
  for (const language of Object.values(STEMMED_LANGUAGES)) {
    // A Snowball dictionary without StopWords: every word is indexed, as in the FTS5 engine.
    await sql
      .raw(`CREATE TEXT SEARCH DICTIONARY cp_${language}_stem (TEMPLATE = snowball, Language = ${language})`)
      .execute(db);
    await sql.raw(`CREATE TEXT SEARCH CONFIGURATION cp_${language} (COPY = simple)`).execute(db);
    await sql
      .raw(
        `ALTER TEXT SEARCH CONFIGURATION cp_${language} ALTER MAPPING FOR ${WORD_TOKENS} WITH ${fold}cp_${language}_stem`,
      )
      .execute(db);
  }
  const cases = Object.entries(STEMMED_LANGUAGES)
    .map(([code, language]) => `WHEN '${code}' THEN 'cp_${language}'`)
    .join(' ');
  await sql
    .raw(`CREATE FUNCTION cp_search_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE AS $$
      SELECT (CASE split_part(split_part(lower(coalesce(language, '')), '-', 1), '_', 1) ${cases}
        ELSE 'cp_simple' END)::regconfig $$`)
    .execute(db);
  // A tsvector is limited to 1 MB: a text past it (one huge line, a 2 MB paragraph) keeps positions for its
  // first 200 KB and every word of the rest without positions (pieces of 200 KB, 100 characters of
  // overlap so no word is lost at a cut), rather than failing the write that stores it. Phrases in such a
  // paragraph are found through paragraph_chunks.
  await sql
    .raw(`CREATE FUNCTION cp_tsvector(config regconfig, body text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE result tsvector;
      BEGIN RETURN to_tsvector(config, cp_fold(body));
      EXCEPTION WHEN program_limit_exceeded THEN
        result := to_tsvector(config, cp_fold(left(body, 200000)));
        FOR i IN 1 .. ceil(length(body) / 200000.0)::int - 1 LOOP
          result := result || strip(to_tsvector(config, cp_fold(substr(body, i * 200000 - 99, 200100))));
        END LOOP;
        RETURN result;
      END $$`)
    .execute(db);
  // CJK runs are spaced out into one-character tokens, at index and query time alike (domain splitCjk).
  await sql
    .raw(`CREATE FUNCTION cp_split_cjk(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN body ~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]'
        THEN regexp_replace(body, '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af])', ' \\1 ', 'g')
        ELSE body END $$`)
    .execute(db);
  // Lower case by Unicode rules: the text search parser folds case with the database's locale, which
  // folds ASCII only in a C-locale database (the test cluster's): "Доктрина" must match "доктрина".
  const { rows: collations } = await sql<{ name: string }>`SELECT collname AS name FROM pg_collation
    WHERE collname IN ('und-x-icu', 'C.utf8') ORDER BY collname DESC LIMIT 1`.execute(db);
  const collation = collations[0] ? ` COLLATE "${collations[0].name}"` : '';
  await sql
    .raw(`CREATE FUNCTION cp_fold(body text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT cp_split_cjk(lower(body${collation})) $$`)
    .execute(db);
  // An entity's words: title A, metadata text B, its files' text C. Past the 1 MB limit the text keeps its
  // first 256 KB (and positions stop at 16,383 anyway: phrases deep in a long body are matched through
  // the paragraphs, see the provider).
  await sql
    .raw(`CREATE FUNCTION cp_entity_tsv(config regconfig, title text, meta text, body text) RETURNS tsvector
      LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN
        RETURN setweight(cp_tsvector(config, title), 'A') || setweight(cp_tsvector(config, meta), 'B')
          || setweight(cp_tsvector(config, body), 'C');
      EXCEPTION WHEN program_limit_exceeded THEN
        RETURN setweight(cp_tsvector(config, title), 'A') || setweight(cp_tsvector(config, meta), 'B')
          || setweight(cp_tsvector(config, left(body, 200000)), 'C') || setweight(strip(cp_tsvector(config, body)), 'C');
      END $$`)
    .execute(db);
  await sql.raw(`ALTER TABLE paragraphs ADD COLUMN tsv tsvector`).execute(db);
  await sql
    .raw(`CREATE FUNCTION cp_paragraph_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.tsv := cp_tsvector(cp_search_config(coalesce(NEW.language,
          (SELECT coalesce(f.language, e.language) FROM files f JOIN entities e ON e.id = f.entity_id
            WHERE f.id = NEW.file_id))), NEW.text);
        RETURN NEW;
      END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER paragraphs_tsv BEFORE INSERT OR UPDATE OF text, language ON paragraphs
      FOR EACH ROW EXECUTE FUNCTION cp_paragraph_tsv()`)
    .execute(db);
  // Paragraphs over 20,000 characters (LONG_PARAGRAPH) are also kept as overlapping 4,000-character
  // chunks: a tsvector's positions stop at 16,383, so a phrase far into a long paragraph is found in its
  // chunk (the FTS5 engine's snippet windows, stored).
  await sql
    .raw(`CREATE TABLE paragraph_chunks (
      paragraph_rowid bigint NOT NULL REFERENCES paragraphs(rowid) ON DELETE CASCADE,
      n integer NOT NULL,
      tsv tsvector NOT NULL,
      PRIMARY KEY (paragraph_rowid, n))`)
    .execute(db);
  await sql
    .raw(`CREATE FUNCTION cp_paragraph_chunks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM paragraph_chunks WHERE paragraph_rowid = NEW.rowid;
        IF length(NEW.text) > ${LONG_PARAGRAPH} THEN
          INSERT INTO paragraph_chunks (paragraph_rowid, n, tsv)
          SELECT NEW.rowid, n, to_tsvector(cp_search_config(coalesce(NEW.language,
              (SELECT coalesce(f.language, e.language) FROM files f JOIN entities e ON e.id = f.entity_id
                WHERE f.id = NEW.file_id))), cp_fold(substr(NEW.text, n * ${CHUNK} + 1, ${CHUNK + CHUNK_OVERLAP})))
          FROM generate_series(0, (length(NEW.text) - 1) / ${CHUNK}) AS n;
        END IF;
        RETURN NULL;
      END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER paragraphs_chunks AFTER INSERT OR UPDATE OF text, language ON paragraphs
      FOR EACH ROW EXECUTE FUNCTION cp_paragraph_chunks()`)
    .execute(db);
  await sql.raw(`UPDATE paragraphs SET text = text`).execute(db);
  await sql.raw(`CREATE INDEX paragraphs_tsv ON paragraphs USING gin (tsv)`).execute(db);
  await sql.raw(`CREATE INDEX paragraph_chunks_tsv ON paragraph_chunks USING gin (tsv)`).execute(db);

  await sql
    .raw(`CREATE TABLE search_entities (
      docid integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      entity_id text NOT NULL UNIQUE,
      template text NOT NULL,
      published boolean NOT NULL,
      title text NOT NULL,
      title_key text COLLATE "C" NOT NULL,
      date_key text NOT NULL,
      facets jsonb NOT NULL,
      tags text[] NOT NULL,
      config regconfig NOT NULL,
      tsv tsvector NOT NULL,
      words tsvector NOT NULL,
      title_words tsvector NOT NULL,
      -- Title, metadata and the opening of the text, weighted like tsv: small enough to stay in the row,
      -- so every match is ranked by it without reading its full vector (see the provider's ranking).
      rank_tsv tsvector NOT NULL
    )`)
    .execute(db);
  // lz4: ranking reads the tsvector of every candidate, and lz4 decompresses several times faster than pglz.
  for (const column of ['tsv', 'words'])
    await sql
      .raw(`DO $$ BEGIN ALTER TABLE search_entities ALTER COLUMN ${column} SET COMPRESSION lz4;
        EXCEPTION WHEN OTHERS THEN NULL; END $$`)
      .execute(db);
  // rank_tsv is read for every match: kept in the row (compressed there, never moved out to TOAST).
  await sql.raw(`ALTER TABLE search_entities ALTER COLUMN rank_tsv SET STORAGE MAIN`).execute(db);
  for (const column of ['tsv', 'words', 'title_words', 'tags'])
    await sql
      .raw(`CREATE INDEX search_entities_${column} ON search_entities USING gin (${column})`)
      .execute(db);
  await sql.raw(`CREATE INDEX search_entities_title_key ON search_entities (title_key, docid)`).execute(db);
  await sql.raw(`CREATE TABLE search_state (key text PRIMARY KEY, value bigint NOT NULL)`).execute(db);
  await sql.raw(`INSERT INTO search_state (key, value) VALUES ('version', 1), ('generation', 1)`).execute(db);
  await sql
    .raw(`CREATE FUNCTION cp_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE search_state SET value = value + 1 WHERE key = 'generation'; RETURN NULL; END $$`)
    .execute(db);
  for (const table of GENERATION_TABLES)
    await sql
      .raw(`CREATE TRIGGER ${table}_generation AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION cp_bump_generation()`)
      .execute(db);
}
