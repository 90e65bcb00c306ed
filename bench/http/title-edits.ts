import type Database from 'better-sqlite3';

/**
 * The benches' write: a curator's title edit of a document, straight in SQL (the triggers keep the search
 * index and its change log as an edit through the API does). The documents' ids in rowid order, and the
 * statement (title, updated_at, id).
 */
export function titleEdits(sqlite: Database.Database) {
  const ids = sqlite
    .prepare(
      `SELECT e.id FROM entities e JOIN templates t ON t.id = e.template_id WHERE t.name = 'Document' ORDER BY e.rowid`,
    )
    .pluck()
    .all() as string[];
  const rename = sqlite.prepare(`UPDATE entities SET title = ?, updated_at = ? WHERE id = ?`);
  return { ids, rename };
}
