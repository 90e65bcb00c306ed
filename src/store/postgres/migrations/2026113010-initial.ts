import { type Kysely, sql } from 'kysely';

/**
 * The SQLite schema as it stands after its migrations up to 2026113002 (docs/ARCHITECTURE.md, decision
 * "A second engine"), minus full-text search (src/store/postgres/search adds its own tables), so that the
 * shared Kysely repositories run unchanged on both engines:
 * - the same table and column names; booleans stay INTEGER 0/1 and JSON stays text (checked as SQLite's
 *   json_valid does), timestamps stay ISO 8601 text, so rows, comparisons and archives are the same;
 * - every text column collates "C" (byte order, as SQLite's BINARY), whatever the server's default locale,
 *   so sort orders and `lower()` (ASCII only, as in SQLite) agree; the one NOCASE column, users.username,
 *   is citext;
 * - SQLite INTEGER is 64-bit, and the shared code binds any JS integer (`number <= MAX_SAFE_INTEGER` for
 *   "to the last page"): every INTEGER column is bigint, which the store's pool reads back as numbers,
 *   but for the 0/1 flags (integer); REAL is double precision;
 * - SQLite's rowid keys (jobs, activity_log, paragraphs) are identity columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db);
  // One function rather than a CHECK with a cast: the cast's error ("invalid input syntax for type json")
  // would abort the statement either way, and this names the rule in the constraint.
  await sql`
    CREATE FUNCTION json_valid(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
      PERFORM t::jsonb;
      RETURN true;
    EXCEPTION WHEN others THEN
      RETURN false;
    END $$`.execute(db);
  await sql`
    CREATE TABLE users (
      id text COLLATE "C" PRIMARY KEY,
      username citext NOT NULL UNIQUE,
      password_hash text COLLATE "C" NOT NULL,
      role text COLLATE "C" NOT NULL CHECK (role IN ('admin','editor','collaborator')),
      failed_logins bigint NOT NULL DEFAULT 0,
      locked_until text COLLATE "C",
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE sessions (
      id text COLLATE "C" PRIMARY KEY,            -- sha256 of the cookie token; the token itself is never stored
      user_id text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text COLLATE "C" NOT NULL,
      created_at text COLLATE "C" NOT NULL,
      last_seen_at text COLLATE "C" NOT NULL,
      expires_at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions(user_id)`.execute(db);
  await sql`
    CREATE TABLE templates (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL UNIQUE,
      label text COLLATE "C" NOT NULL,
      color text COLLATE "C",
      properties text COLLATE "C" NOT NULL CHECK (json_valid(properties)),
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE thesauri (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL UNIQUE,
      label text COLLATE "C" NOT NULL,
      "values" text COLLATE "C" NOT NULL CHECK (json_valid("values")),
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE entities (
      id text COLLATE "C" PRIMARY KEY,
      template_id text COLLATE "C" NOT NULL REFERENCES templates(id),
      title text COLLATE "C" NOT NULL,
      language text COLLATE "C" NOT NULL DEFAULT 'en',
      published integer NOT NULL DEFAULT 0,
      metadata text COLLATE "C" NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL,
      created_by text COLLATE "C" REFERENCES users(id) ON DELETE SET NULL,
      last_reviewed text COLLATE "C"
    )`.execute(db);
  await sql`CREATE INDEX entities_template_title ON entities(template_id, lower(title))`.execute(db);
  await sql`CREATE INDEX entities_updated ON entities(updated_at)`.execute(db);
  await sql`
    CREATE TABLE entity_links (
      from_id text COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      property text COLLATE "C" NOT NULL,
      to_id text COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      PRIMARY KEY (from_id, property, to_id)
    )`.execute(db);
  await sql`CREATE INDEX entity_links_to ON entity_links(to_id, property)`.execute(db);
  await sql`
    CREATE TABLE files (
      id text COLLATE "C" PRIMARY KEY,
      entity_id text COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      filename text COLLATE "C" NOT NULL,
      mime_type text COLLATE "C" NOT NULL,
      kind text COLLATE "C" NOT NULL,
      size bigint NOT NULL,
      sha256 text COLLATE "C" NOT NULL,
      storage_key text COLLATE "C" NOT NULL,
      status text COLLATE "C" NOT NULL CHECK (status IN ('queued','processing','ready','failed','needs-ocr')),
      reason text COLLATE "C",
      language text COLLATE "C",
      page_count bigint,
      paragraph_count bigint,
      progress double precision,
      full_text text COLLATE "C",
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX files_entity ON files(entity_id)`.execute(db);
  await sql`CREATE INDEX files_status ON files(status)`.execute(db);
  await sql`CREATE INDEX files_sha256 ON files(sha256)`.execute(db);
  await sql`
    CREATE TABLE pages (
      file_id text COLLATE "C" NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      number bigint NOT NULL,
      width double precision NOT NULL,
      height double precision NOT NULL,
      start bigint NOT NULL,
      "end" bigint NOT NULL,
      text text COLLATE "C" NOT NULL,
      lines text COLLATE "C" NOT NULL CHECK (json_valid(lines)),
      PRIMARY KEY (file_id, number)
    )`.execute(db);
  await sql`CREATE INDEX pages_file_start ON pages(file_id, start)`.execute(db);
  await sql`
    CREATE TABLE paragraphs (
      rowid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, -- stable integer key for the full-text index
      id text COLLATE "C" NOT NULL UNIQUE,
      file_id text COLLATE "C" NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      ordinal bigint NOT NULL,
      page bigint NOT NULL,
      page_end bigint NOT NULL,
      start bigint NOT NULL,
      "end" bigint NOT NULL,
      text text COLLATE "C" NOT NULL,
      is_heading integer NOT NULL DEFAULT 0,
      language text COLLATE "C",
      rects text COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(rects))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX paragraphs_file_ordinal ON paragraphs(file_id, ordinal)`.execute(db);
  await sql`CREATE INDEX paragraphs_file_start ON paragraphs(file_id, start)`.execute(db);
  await sql`
    CREATE TABLE relation_types (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL UNIQUE,
      label text COLLATE "C" NOT NULL,
      inverse_label text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE text_references (
      id text COLLATE "C" PRIMARY KEY,
      relation_type_id text COLLATE "C" NOT NULL REFERENCES relation_types(id),
      source_entity_id text COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      source_file_id text COLLATE "C" NOT NULL,
      source_start bigint NOT NULL,
      source text COLLATE "C" NOT NULL CHECK (json_valid(source)),
      target_entity_id text COLLATE "C" NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      target_file_id text COLLATE "C",
      target_start bigint,
      target text COLLATE "C" CHECK (target IS NULL OR json_valid(target)),
      orphaned integer NOT NULL DEFAULT 0,
      created_by text COLLATE "C" REFERENCES users(id) ON DELETE SET NULL,
      created_at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX text_references_source ON text_references(source_file_id, source_start)`.execute(db);
  await sql`CREATE INDEX text_references_target ON text_references(target_file_id, target_start)`.execute(db);
  await sql`CREATE INDEX text_references_source_entity ON text_references(source_entity_id)`.execute(db);
  await sql`CREATE INDEX text_references_target_entity ON text_references(target_entity_id)`.execute(db);
  // The viewer's "connections touching this page" look-up reads the end of each span from the anchor
  // JSON; SQLite indexes json_extract(x, '$.end'), this is the same expression in PostgreSQL's spelling.
  await sql`CREATE INDEX text_references_source_span
    ON text_references(source_file_id, source_start, ((source::jsonb ->> 'end')::integer))`.execute(db);
  await sql`CREATE INDEX text_references_target_span
    ON text_references(target_file_id, target_start, ((target::jsonb ->> 'end')::integer))`.execute(db);
  await sql`
    CREATE TABLE jobs (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      kind text COLLATE "C" NOT NULL,
      payload text COLLATE "C" NOT NULL CHECK (json_valid(payload)),
      status text COLLATE "C" NOT NULL CHECK (status IN ('queued','running','done','failed')),
      attempts bigint NOT NULL DEFAULT 0,
      error text COLLATE "C",
      progress double precision,
      owner text COLLATE "C",
      lease_expires bigint,
      created_at text COLLATE "C" NOT NULL,
      updated_at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX jobs_status ON jobs(status, id)`.execute(db);
  // At most one running job per kind and file. The claim's NOT EXISTS keeps a file's second job waiting,
  // but under READ COMMITTED two servers claiming at the same moment do not see each other's uncommitted
  // claim (SQLite's single writer does); this index makes the later claim fail instead, and the claim
  // retries (job-queue.repository.ts). A job without a file counts as file ''.
  await sql`CREATE UNIQUE INDEX jobs_one_running_per_file
    ON jobs(kind, (coalesce(payload::jsonb ->> 'fileId', ''))) WHERE status = 'running'`.execute(db);
  await sql`
    CREATE TABLE activity_log (
      id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      user_id text COLLATE "C",
      username text COLLATE "C",
      action text COLLATE "C" NOT NULL,
      target_type text COLLATE "C" NOT NULL,
      target_id text COLLATE "C",
      summary text COLLATE "C" NOT NULL,
      at text COLLATE "C" NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX activity_log_at ON activity_log(at)`.execute(db);
}
