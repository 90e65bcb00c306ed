import { type Kysely, sql } from 'kysely';

/** The base schema: content, files and their text, connections, accounts, jobs and the activity log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin','editor','collaborator')),
      failed_logins INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,            -- sha256 of the cookie token; the token itself is never stored
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions(user_id)`.execute(db);
  await sql`
    CREATE TABLE templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      color TEXT,
      properties TEXT NOT NULL CHECK (json_valid(properties)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE thesauri (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      "values" TEXT NOT NULL CHECK (json_valid("values")),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      template_id TEXT NOT NULL REFERENCES templates(id),
      title TEXT NOT NULL,
      language TEXT NOT NULL DEFAULT 'en',
      published INTEGER NOT NULL DEFAULT 0,
      metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      created_by TEXT REFERENCES users(id) ON DELETE SET NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX entities_template_title ON entities(template_id, title COLLATE NOCASE)`.execute(db);
  await sql`CREATE INDEX entities_updated ON entities(updated_at)`.execute(db);
  // Relationship property values, one row per (entity, property, target): reverse look-ups (a state's
  // memberships from an organisation's member list) without scanning JSON.
  await sql`
    CREATE TABLE entity_links (
      from_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      property TEXT NOT NULL,
      to_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      PRIMARY KEY (from_id, property, to_id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX entity_links_to ON entity_links(to_id, property)`.execute(db);
  await sql`
    CREATE TABLE files (
      id TEXT PRIMARY KEY,
      entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      filename TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      kind TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      storage_key TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued','processing','ready','failed','needs-ocr')),
      reason TEXT,
      language TEXT,
      page_count INTEGER,
      paragraph_count INTEGER,
      progress REAL,
      full_text TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX files_entity ON files(entity_id)`.execute(db);
  await sql`CREATE INDEX files_status ON files(status)`.execute(db);
  await sql`
    CREATE TABLE pages (
      file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      width REAL NOT NULL,
      height REAL NOT NULL,
      start INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      text TEXT NOT NULL,
      lines TEXT NOT NULL CHECK (json_valid(lines)),
      PRIMARY KEY (file_id, number)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE paragraphs (
      rowid INTEGER PRIMARY KEY,      -- stable integer key for the full-text index
      id TEXT NOT NULL UNIQUE,
      file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      page INTEGER NOT NULL,
      page_end INTEGER NOT NULL,
      start INTEGER NOT NULL,
      "end" INTEGER NOT NULL,
      text TEXT NOT NULL,
      is_heading INTEGER NOT NULL DEFAULT 0,
      language TEXT,
      rects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rects))
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX paragraphs_file_ordinal ON paragraphs(file_id, ordinal)`.execute(db);
  await sql`
    CREATE TABLE relation_types (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      inverse_label TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE relationships (
      id TEXT PRIMARY KEY,
      relation_type_id TEXT NOT NULL REFERENCES relation_types(id),
      from_entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      to_entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX relationships_from ON relationships(from_entity_id)`.execute(db);
  await sql`CREATE INDEX relationships_to ON relationships(to_entity_id)`.execute(db);
  // "references" is an SQL keyword, hence text_references. Each end keeps offsets (to find), quote (to
  // re-anchor after a file changes) and rectangles (to draw) as one JSON anchor, with the keys it is
  // looked up by in columns.
  await sql`
    CREATE TABLE text_references (
      id TEXT PRIMARY KEY,
      relation_type_id TEXT NOT NULL REFERENCES relation_types(id),
      source_entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      source_file_id TEXT NOT NULL,
      source_start INTEGER NOT NULL,
      source TEXT NOT NULL CHECK (json_valid(source)),
      target_entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      target_file_id TEXT,
      target_start INTEGER,
      target TEXT CHECK (target IS NULL OR json_valid(target)),
      orphaned INTEGER NOT NULL DEFAULT 0,
      created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX text_references_source ON text_references(source_file_id, source_start)`.execute(db);
  await sql`CREATE INDEX text_references_target ON text_references(target_file_id, target_start)`.execute(db);
  await sql`CREATE INDEX text_references_source_entity ON text_references(source_entity_id)`.execute(db);
  await sql`CREATE INDEX text_references_target_entity ON text_references(target_entity_id)`.execute(db);
  await sql`
    CREATE TABLE jobs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      error TEXT,
      progress REAL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX jobs_status ON jobs(status, id)`.execute(db);
  await sql`
    CREATE TABLE activity_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id TEXT,
      username TEXT,
      action TEXT NOT NULL,
      target_type TEXT NOT NULL,
      target_id TEXT,
      summary TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX activity_log_at ON activity_log(at)`.execute(db);
}
