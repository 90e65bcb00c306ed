import { type Kysely, sql } from 'kysely';

/**
 * The twin of SQLite's 2026113062-search-change-keys (docs/ARCHITECTURE.md, decision 69): `search_changes`,
 * the docids of search_entities rows written, with whether their facet or filter keys may have moved, and
 * `search_state.catalog`, moved by writes to the tables every answer is labelled from. A change's seq is
 * taken from the `changes` row of search_state, not from a sequence: a sequence's values are not in commit
 * order (a reader could see 11 before 10 commits and never look back), the row lock orders writers as they
 * commit. The log keeps the last 10,000 changes; a reader further behind empties its cache.
 */
const CATALOG_TABLES = ['templates', 'thesauri', 'relation_types'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO search_state (key, value) VALUES ('catalog', 1), ('changes', 0)`.execute(db);
  await sql`CREATE TABLE search_changes (seq bigint PRIMARY KEY, docid integer NOT NULL, keys boolean NOT NULL)`.execute(
    db,
  );
  await sql
    .raw(`CREATE FUNCTION cp_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s bigint;
      BEGIN
        -- The generation row first, as every other writer takes it (its statement triggers): one lock order.
        PERFORM 1 FROM search_state WHERE key = 'generation' FOR UPDATE;
        UPDATE search_state SET value = value + 1 WHERE key = 'changes' RETURNING value INTO s;
        IF TG_OP = 'DELETE' THEN
          INSERT INTO search_changes (seq, docid, keys) VALUES (s, OLD.docid, true);
        ELSIF TG_OP = 'INSERT' THEN
          INSERT INTO search_changes (seq, docid, keys) VALUES (s, NEW.docid, true);
        ELSE
          INSERT INTO search_changes (seq, docid, keys) VALUES (s, NEW.docid,
            OLD.template IS DISTINCT FROM NEW.template OR OLD.published IS DISTINCT FROM NEW.published
            OR OLD.facets IS DISTINCT FROM NEW.facets OR OLD.date_key IS DISTINCT FROM NEW.date_key
            OR OLD.entity_id IS DISTINCT FROM NEW.entity_id);
        END IF;
        DELETE FROM search_changes WHERE seq <= s - 10000;
        RETURN NULL;
      END $$`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER search_entities_change AFTER INSERT OR UPDATE OR DELETE ON search_entities
      FOR EACH ROW EXECUTE FUNCTION cp_search_change()`)
    .execute(db);
  await sql
    .raw(`CREATE FUNCTION cp_bump_catalog() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN UPDATE search_state SET value = value + 1 WHERE key = 'catalog'; RETURN NULL; END $$`)
    .execute(db);
  for (const table of CATALOG_TABLES)
    await sql
      .raw(`CREATE TRIGGER ${table}_catalog AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION cp_bump_catalog()`)
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of CATALOG_TABLES) await sql.raw(`DROP TRIGGER ${table}_catalog ON ${table}`).execute(db);
  await sql.raw(`DROP FUNCTION cp_bump_catalog()`).execute(db);
  await sql.raw(`DROP TRIGGER search_entities_change ON search_entities`).execute(db);
  await sql.raw(`DROP FUNCTION cp_search_change()`).execute(db);
  await sql`DROP TABLE search_changes`.execute(db);
  await sql`DELETE FROM search_state WHERE key IN ('catalog', 'changes')`.execute(db);
}
