import type Database from 'better-sqlite3';

export type TocRow = { label: string; level: number; page: number; paragraphId: string | null };

/** Replaces a file's table of contents; the caller holds the transaction that makes the file's text ready. */
export function replaceFileToc(
  sqlite: Database.Database,
  fileId: string,
  rows: TocRow[],
  source: 'outline' | 'headings',
): void {
  sqlite.prepare(`DELETE FROM toc_entries WHERE file_id = ?`).run(fileId);
  const insert = sqlite.prepare(
    `INSERT INTO toc_entries (file_id, ordinal, label, level, page, paragraph_id, source) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  rows.forEach((r, i) => {
    insert.run(fileId, i, r.label, r.level, r.page, r.paragraphId, source);
  });
}
