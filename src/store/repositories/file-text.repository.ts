import type { Kysely } from 'kysely';
import type { Tables } from '../tables.ts';
import { inChunks } from './entity.repository.ts';
import { reasonColumns } from './file-reason-columns.ts';

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

/** What the switch at the end of a file's write records. */
export type FileTextStatus = Pick<FileTextInput, 'status' | 'kind' | 'reason' | 'language' | 'fullText'> & {
  pageCount: number;
  paragraphCount: number;
};

/** A stored paragraph as the CLI and exports read it. */
export type StoredParagraphRow = {
  id: string;
  ordinal: number;
  page: number;
  page_end: number;
  start: number;
  end: number;
  text: string;
  is_heading: number;
};

const now = () => new Date().toISOString();

/**
 * A file's extracted text as the ingest pipeline writes it (in batches, each its own short transaction:
 * the caller runs each batch method in `store.transaction`, see ingest/jobs/write-file-text.ts) and as the
 * CLI reads it. The same Kysely code on both engines.
 */
export function createFileTextRepository(db: Kysely<Tables>) {
  return {
    /** Whether a file exists, and its status (with the reason of a failure). */
    async status(fileId: string): Promise<{ status: string; reason: string | null } | undefined> {
      return db.selectFrom('files').select(['status', 'reason']).where('id', '=', fileId).executeTakeFirst();
    },

    /** A file's paragraphs in reading order, as stored. */
    async paragraphs(fileId: string): Promise<StoredParagraphRow[]> {
      return db
        .selectFrom('paragraphs')
        .select(['id', 'ordinal', 'page', 'page_end', 'start', 'end', 'text', 'is_heading'])
        .where('file_id', '=', fileId)
        .orderBy('ordinal')
        .execute();
    },

    /** Every file id, oldest first (a full re-extraction). */
    async allFileIds(): Promise<string[]> {
      return (await db.selectFrom('files').select('id').orderBy('created_at').execute()).map((r) => r.id);
    },

    /** What is needed to process a file, or undefined when it is gone. */
    async forIngest(
      fileId: string,
    ): Promise<{ id: string; storage_key: string; filename: string } | undefined> {
      return db
        .selectFrom('files')
        .select(['id', 'storage_key', 'filename'])
        .where('id', '=', fileId)
        .executeTakeFirst();
    },

    /** Marks a file as being processed (or its progress, 0–1). */
    async setProcessing(fileId: string, progress: number | null): Promise<void> {
      await db
        .updateTable('files')
        .set({ status: 'processing', progress, ...reasonColumns(null), updated_at: now() })
        .where('id', '=', fileId)
        .execute();
    },

    /**
     * Records a file's progress while it is still `processing`. The worker writes the outcome on its own
     * connection right after sending its last progress message, so this update may come after the file is
     * ready or failed: it must not put it back to `processing` (the file would look stuck, and the next
     * start would queue it again).
     */
    async setProgress(fileId: string, progress: number): Promise<void> {
      await db
        .updateTable('files')
        .set({ progress, updated_at: now() })
        .where('id', '=', fileId)
        .where('status', '=', 'processing')
        .execute();
    },

    /** Marks a file failed with a reason, keeping whatever text it had before. */
    async setFailed(fileId: string, reason: string): Promise<void> {
      await db
        .updateTable('files')
        .set({ status: 'failed', ...reasonColumns(reason), progress: null, updated_at: now() })
        .where('id', '=', fileId)
        .execute();
    },

    /** Paragraph ids of a file by the stable key of their text, so a re-extraction keeps ids of unchanged text. */
    async paragraphIdsByKey(
      fileId: string,
      keysOf: (texts: string[]) => string[],
    ): Promise<Map<string, string>> {
      const rows = await db
        .selectFrom('paragraphs')
        .select(['id', 'text'])
        .where('file_id', '=', fileId)
        .orderBy('ordinal')
        .execute();
      const keys = keysOf(rows.map((r) => r.text));
      return new Map(rows.map((r, i) => [keys[i] as string, r.id]));
    },

    /**
     * Deletes up to `limit` of a file's paragraphs (then pages); returns how many rows went, 0 when the
     * file has no text left. Callers loop, yielding in between: each paragraph leaves the full-text index,
     * so one statement for a 200k-paragraph file held the write lock, and the thread, for seconds.
     */
    async deleteBatch(fileId: string, limit: number): Promise<number> {
      // By the integer key both engines give paragraphs (SQLite's rowid, PostgreSQL's identity): deleting by
      // the text id took a third longer on SQLite (a second index walk per row).
      const paragraphs = await db
        .deleteFrom('paragraphs')
        .where('rowid', 'in', (eb) =>
          eb.selectFrom('paragraphs').select('rowid').where('file_id', '=', fileId).limit(limit),
        )
        .executeTakeFirst();
      const n = Number(paragraphs.numDeletedRows);
      if (n > 0) return n;
      const pages = await db
        .deleteFrom('pages')
        .where('file_id', '=', fileId)
        .where('number', 'in', (eb) =>
          eb.selectFrom('pages').select('number').where('file_id', '=', fileId).limit(limit),
        )
        .executeTakeFirst();
      return Number(pages.numDeletedRows);
    },

    /** Inserts a slice of a file's pages and paragraphs (with their ids). */
    async insertBatch(
      fileId: string,
      pages: FileTextInput['pages'],
      paragraphs: FileTextInput['paragraphs'],
      ids: string[],
    ): Promise<void> {
      // Rows per statement stay far below SQLite's 32,766 bound variables (11 columns × 500).
      await inChunks(pages, async (chunk) => {
        await db
          .insertInto('pages')
          .values(
            chunk.map((p) => ({
              file_id: fileId,
              number: p.number,
              width: p.width,
              height: p.height,
              start: p.start,
              end: p.end,
              text: p.text,
              lines: JSON.stringify(p.lines),
            })),
          )
          .execute();
        return [];
      });
      const rows = paragraphs.map((p, i) => ({
        id: ids[i]!,
        file_id: fileId,
        ordinal: p.ordinal,
        page: p.page,
        page_end: p.pageEnd,
        start: p.start,
        end: p.end,
        text: p.text,
        is_heading: p.isHeading ? 1 : 0,
        language: p.language,
        rects: JSON.stringify(p.rects),
      }));
      await inChunks(rows, async (chunk) => {
        await db.insertInto('paragraphs').values(chunk).execute();
        return [];
      });
    },

    /** The file's status, kind (the one extraction used), counts and full text: the switch that ends a write. */
    async setTextStatus(fileId: string, input: FileTextStatus): Promise<void> {
      await db
        .updateTable('files')
        .set((eb) => ({
          status: input.status,
          kind: input.kind ?? eb.ref('kind'),
          ...reasonColumns(input.reason),
          language: input.language,
          page_count: input.pageCount,
          paragraph_count: input.paragraphCount,
          full_text: input.fullText,
          progress: null,
          updated_at: now(),
        }))
        .where('id', '=', fileId)
        .execute();
    },
  };
}

/** The file text repository. */
export type FileTextRepository = ReturnType<typeof createFileTextRepository>;
