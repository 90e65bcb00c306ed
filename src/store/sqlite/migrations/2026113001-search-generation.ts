import { type Kysely, sql } from 'kysely';

// Every table whose rows reach a search result (the index, the entities and files it is built from, the
// template and thesaurus labels cards and facets show, relationship labels). The server's result cache
// and the API's ETags are keyed by this counter, so it must move on any write to them, whichever process
// makes it (the server, the CLI, the ingest worker): triggers run in the writer's own transaction.
const TABLES = ['search_entities', 'entities', 'files', 'templates', 'thesauri', 'relation_types'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO search_state (key, value) VALUES ('generation', 1)`.execute(db);
  for (const table of TABLES)
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_generation AFTER ${event} ON ${table} BEGIN
             UPDATE search_state SET value = value + 1 WHERE key = 'generation';
           END`,
        )
        .execute(db);
}
