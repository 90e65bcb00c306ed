import type Database from 'better-sqlite3';

/** Extracted text of a file, as the ingest pipeline hands it over (ids not yet assigned). */
export type FileTextInput = {
  status: 'ready' | 'failed' | 'needs-ocr';
  /** The kind the extraction read the file as: stored, so the viewer and the download agree with the text. */
  kind?: string;
  reason: string | null;
  language: string | null;
  fullText: string;
  pages: {
    number: number;
    width: number;
    height: number;
    start: number;
    end: number;
    text: string;
    lines: unknown[];
  }[];
  paragraphs: {
    key: string;
    ordinal: number;
    page: number;
    pageEnd: number;
    start: number;
    end: number;
    text: string;
    isHeading: boolean;
    language: string | null;
    rects: unknown[];
  }[];
};

const now = () => new Date().toISOString();

/** Marks a file as being processed (or its progress, 0–1). */
export function setFileProcessing(sqlite: Database.Database, fileId: string, progress: number | null): void {
  sqlite
    .prepare(
      `UPDATE files SET status = 'processing', progress = ?, reason = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(progress, now(), fileId);
}

/**
 * Records a file's progress while it is still `processing`. The worker writes the outcome on its own
 * connection right after sending its last progress message, so this update may come after the file is
 * ready or failed: it must not put it back to `processing` (the file would look stuck, and the next start
 * would queue it again).
 */
export function setFileProgress(sqlite: Database.Database, fileId: string, progress: number): void {
  sqlite
    .prepare(`UPDATE files SET progress = ?, updated_at = ? WHERE id = ? AND status = 'processing'`)
    .run(progress, now(), fileId);
}

/** Marks a file failed with a reason, keeping whatever text it had before. */
export function setFileFailed(sqlite: Database.Database, fileId: string, reason: string): void {
  sqlite
    .prepare(`UPDATE files SET status = 'failed', reason = ?, progress = NULL, updated_at = ? WHERE id = ?`)
    .run(reason, now(), fileId);
}

/** Reads what is needed to process a file. */
export function getFileForIngest(
  sqlite: Database.Database,
  fileId: string,
): { id: string; storage_key: string; filename: string } | undefined {
  return sqlite.prepare(`SELECT id, storage_key, filename FROM files WHERE id = ?`).get(fileId) as
    | { id: string; storage_key: string; filename: string }
    | undefined;
}

/** Paragraph ids of a file by the stable key of their text, so a re-extraction keeps ids of unchanged text. */
export function paragraphIdsByKey(
  sqlite: Database.Database,
  fileId: string,
  keysOf: (texts: string[]) => string[],
): Map<string, string> {
  const rows = sqlite
    .prepare(`SELECT id, text FROM paragraphs WHERE file_id = ? ORDER BY ordinal`)
    .all(fileId) as {
    id: string;
    text: string;
  }[];
  const keys = keysOf(rows.map((r) => r.text));
  return new Map(rows.map((r, i) => [keys[i] as string, r.id]));
}

/** Inserts pages and paragraphs (with their ids); the caller holds the transaction. */
function insertRows(
  sqlite: Database.Database,
  fileId: string,
  pages: FileTextInput['pages'],
  paragraphs: FileTextInput['paragraphs'],
  ids: string[],
): void {
  const insertPage = sqlite.prepare(
    `INSERT INTO pages (file_id, number, width, height, start, "end", text, lines)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParagraph = sqlite.prepare(
    `INSERT INTO paragraphs (id, file_id, ordinal, page, page_end, start, "end", text, is_heading, language, rects)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of pages)
    insertPage.run(fileId, p.number, p.width, p.height, p.start, p.end, p.text, JSON.stringify(p.lines));
  paragraphs.forEach((p, i) => {
    insertParagraph.run(
      ids[i],
      fileId,
      p.ordinal,
      p.page,
      p.pageEnd,
      p.start,
      p.end,
      p.text,
      p.isHeading ? 1 : 0,
      p.language,
      JSON.stringify(p.rects),
    );
  });
}

type FileTextStatus = Pick<FileTextInput, 'status' | 'kind' | 'reason' | 'language' | 'fullText'> & {
  pageCount: number;
  paragraphCount: number;
};

/** The file's status, kind (the one extraction used), counts and full text; the caller holds the transaction. */
function setFileTextStatus(sqlite: Database.Database, fileId: string, input: FileTextStatus): void {
  sqlite
    .prepare(
      `UPDATE files SET status = ?, kind = COALESCE(?, kind), reason = ?, language = ?, page_count = ?,
       paragraph_count = ?, full_text = ?, progress = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(
      input.status,
      input.kind ?? null,
      input.reason,
      input.language,
      input.pageCount,
      input.paragraphCount,
      input.fullText,
      now(),
      fileId,
    );
}

/**
 * Deletes up to `limit` of a file's paragraphs (then pages) in one short transaction; returns how many rows
 * went, 0 when the file has no text left. Callers loop, yielding in between (ingest/jobs/write-file-text.ts):
 * each paragraph leaves the full-text index through a trigger, so one statement for a 200k-paragraph file
 * held the write lock, and the thread, for seconds.
 */
export function deleteFileTextBatch(sqlite: Database.Database, fileId: string, limit: number): number {
  return sqlite
    .transaction(() => {
      const paragraphs = sqlite
        .prepare(
          `DELETE FROM paragraphs WHERE rowid IN (SELECT rowid FROM paragraphs WHERE file_id = ? LIMIT ?)`,
        )
        .run(fileId, limit).changes;
      if (paragraphs > 0) return paragraphs;
      return sqlite
        .prepare(
          `DELETE FROM pages WHERE file_id = ? AND number IN (SELECT number FROM pages WHERE file_id = ? LIMIT ?)`,
        )
        .run(fileId, fileId, limit).changes;
    })
    .immediate();
}

/** Inserts a slice of a file's pages and paragraphs (with their ids) in one short transaction. */
export function insertFileTextBatch(
  sqlite: Database.Database,
  fileId: string,
  pages: FileTextInput['pages'],
  paragraphs: FileTextInput['paragraphs'],
  ids: string[],
): void {
  sqlite.transaction(() => insertRows(sqlite, fileId, pages, paragraphs, ids)).immediate();
}

/**
 * The switch at the end of a batched write: the file's status, counts and full text in one transaction with
 * `afterWrite` (the search index), so the file becomes ready exactly when all its text is there.
 */
export function finishFileText(
  sqlite: Database.Database,
  fileId: string,
  input: FileTextStatus,
  afterWrite?: () => void,
): void {
  sqlite
    .transaction(() => {
      setFileTextStatus(sqlite, fileId, input);
      afterWrite?.();
    })
    .immediate();
}

/** Every file id, for a full re-extraction. */
export function listFileIds(sqlite: Database.Database): string[] {
  return sqlite.prepare(`SELECT id FROM files ORDER BY created_at`).pluck().all() as string[];
}

/** A file's paragraphs in reading order, as stored (for the CLI and exports). */
export function listFileParagraphs(
  sqlite: Database.Database,
  fileId: string,
): {
  id: string;
  ordinal: number;
  page: number;
  page_end: number;
  start: number;
  end: number;
  text: string;
  is_heading: number;
}[] {
  return sqlite
    .prepare(
      `SELECT id, ordinal, page, page_end, start, "end", text, is_heading FROM paragraphs WHERE file_id = ? ORDER BY ordinal`,
    )
    .all(fileId) as ReturnType<typeof listFileParagraphs>;
}

/** Whether a file exists, and its status. */
export function getFileStatus(
  sqlite: Database.Database,
  fileId: string,
): { status: string; reason: string | null } | undefined {
  return sqlite.prepare(`SELECT status, reason FROM files WHERE id = ?`).get(fileId) as
    | { status: string; reason: string | null }
    | undefined;
}
