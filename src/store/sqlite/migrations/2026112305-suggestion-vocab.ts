import { type Kysely, sql } from 'kysely';

/**
 * Suggested target paragraphs choose the salient words of a selection by how few paragraphs hold them.
 * An fts5vocab table reads those document frequencies straight from the paragraph index (a b-tree
 * lookup per term, nothing stored), so they are always in step with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_paragraphs_vocab USING fts5vocab(search_paragraphs_fts, row)`.execute(
    db,
  );
}
