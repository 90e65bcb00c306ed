import { type Kysely, sql } from 'kysely';

/**
 * `search_changes`: the docids of search_entities rows written or removed, in order (issue 16 item 2).
 * Each reader connection caches every entity's sort and facet keys; it used to reload all of them when
 * the index version moved, so every write (an edit, each ingested file) cost the next search a full
 * reload (0.5–1.7 s at 1M paragraphs). Now a reader applies the rows changed since the last `seq` it saw.
 * Triggers, so every writer is covered in its own transaction; the log keeps the last 10,000 changes
 * (AUTOINCREMENT: a seq is never reused), and a reader further behind reloads everything.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE search_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, docid INTEGER NOT NULL) STRICT`.execute(
    db,
  );
  const trim = `DELETE FROM search_changes WHERE seq <= (SELECT max(seq) FROM search_changes) - 10000;`;
  for (const [event, row] of [
    ['INSERT', 'new'],
    ['UPDATE', 'new'],
    ['DELETE', 'old'],
  ] as const)
    await sql
      .raw(
        `CREATE TRIGGER search_entities_${event.toLowerCase()}_change AFTER ${event} ON search_entities BEGIN
           INSERT INTO search_changes (docid) VALUES (${row}.docid);
           ${trim}
         END`,
      )
      .execute(db);
}
