import { type Kysely, sql } from 'kysely';

/**
 * Where each record brought in from another system came from (issue 12: `import-uwazi`): its id there and
 * the id it got here, so a second import finds what the first one wrote instead of duplicating it. No
 * foreign key: `local_id` names rows of several tables (templates, entities, files, users…) by `kind`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE import_mappings (
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source, kind, source_id)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE import_mappings`.execute(db);
}
