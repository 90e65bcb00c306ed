import { type Kysely, sql } from 'kysely';

/**
 * Content in six languages in one record (decision 31). `entities.translations` holds, per UN language other
 * than the entity's own, its title and the values of its text, markdown and link properties as JSON
 * `{"fr": {"title": "…", "metadata": {"summary": "…"}}}`. Templates, thesauri and relation types keep their
 * default label and get their other labels beside it as JSON `{"fr": "…"}` (NULL: none). Property and
 * thesaurus-value labels live in the JSON those tables already store, so they need no column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE entities ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'`.execute(db);
  await sql`ALTER TABLE templates ADD COLUMN labels TEXT`.execute(db);
  await sql`ALTER TABLE templates ADD COLUMN section_labels TEXT`.execute(db);
  await sql`ALTER TABLE thesauri ADD COLUMN labels TEXT`.execute(db);
  await sql`ALTER TABLE relation_types ADD COLUMN labels TEXT`.execute(db);
  await sql`ALTER TABLE relation_types ADD COLUMN inverse_labels TEXT`.execute(db);
}
