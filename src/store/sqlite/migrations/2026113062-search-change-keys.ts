import { type Kysely, sql } from 'kysely';

/**
 * What a write changed, for the result cache to keep the answers it cannot have changed (docs/ARCHITECTURE.md,
 * decision 69). `search_changes.keys` says whether a change may have moved an entity's facet or filter keys
 * (template, published flag, facet values, date): 1 for an insert or a delete, and for an update that
 * changed any of them; 0 for an update of its text or title alone. `search_state.catalog` moves on writes
 * to the tables every answer is labelled from (templates, thesauri, relation types), which no entity's
 * change names: a cache empties then. Triggers, as the log's own, so every writer is covered in its
 * transaction.
 */
const CATALOG_TABLES = ['templates', 'thesauri', 'relation_types'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE search_changes ADD COLUMN keys INTEGER NOT NULL DEFAULT 1`.execute(db);
  const trim = `DELETE FROM search_changes WHERE seq <= (SELECT max(seq) FROM search_changes) - 10000;`;
  const keysMoved = `old.template IS NOT new.template OR old.published IS NOT new.published
    OR old.facets IS NOT new.facets OR old.date_key IS NOT new.date_key OR old.entity_id IS NOT new.entity_id`;
  for (const [event, row, keys] of [
    ['INSERT', 'new', '1'],
    ['UPDATE', 'new', `(${keysMoved})`],
    ['DELETE', 'old', '1'],
  ] as const) {
    await sql.raw(`DROP TRIGGER search_entities_${event.toLowerCase()}_change`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER search_entities_${event.toLowerCase()}_change AFTER ${event} ON search_entities BEGIN
           INSERT INTO search_changes (docid, keys) VALUES (${row}.docid, ${keys});
           ${trim}
         END`,
      )
      .execute(db);
  }
  await sql`INSERT INTO search_state (key, value) VALUES ('catalog', 1)`.execute(db);
  for (const table of CATALOG_TABLES)
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_catalog AFTER ${event} ON ${table} BEGIN
             UPDATE search_state SET value = value + 1 WHERE key = 'catalog';
           END`,
        )
        .execute(db);
}
