import { type Kysely, sql } from 'kysely';

// The relationships table was never read or written: a relationship's value lives in the entity's metadata
// and is mirrored in entity_links for lookups. Its indexes go with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE relationships`.execute(db);
}
