import { type Kysely, sql } from 'kysely';

/** Content in six languages in one record, as SQLite's 2026113029-translations (decision 31). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE entities ADD COLUMN translations text COLLATE "C" NOT NULL DEFAULT '{}' CHECK (json_valid(translations))`.execute(
    db,
  );
  for (const [table, column] of [
    ['templates', 'labels'],
    ['templates', 'section_labels'],
    ['thesauri', 'labels'],
    ['relation_types', 'labels'],
    ['relation_types', 'inverse_labels'],
  ] as const)
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN ${sql.ref(column)} text COLLATE "C" CHECK (${sql.ref(column)} IS NULL OR json_valid(${sql.ref(column)}))`.execute(
      db,
    );
}
