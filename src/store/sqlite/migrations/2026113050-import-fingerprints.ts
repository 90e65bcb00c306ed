import { type Kysely, sql } from 'kysely';

/**
 * What each imported record looked like when it was last written from its source (issue 12: a second
 * `import-uwazi` after the Uwazi collection changed): `fingerprint`, a hash of the values the import
 * wrote, tells a record changed in the source from one left alone there (which is not touched, even when
 * edited here since); `data` keeps what the source had and this portal cannot enforce (an Uwazi entity's
 * sharing with users and groups) and the version the import wrote, as JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_mappings ADD COLUMN fingerprint TEXT`.execute(db);
  await sql`ALTER TABLE import_mappings ADD COLUMN data TEXT`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_mappings DROP COLUMN data`.execute(db);
  await sql`ALTER TABLE import_mappings DROP COLUMN fingerprint`.execute(db);
}
