import type { Kysely } from 'kysely';
import type { Line, Page, Paragraph, Rect } from '../../domain/schemas/file.ts';
import type { Tables } from '../tables.ts';

/** The text of a file: its pages (with line geometry) and its paragraphs. */
export function createPageRepository(db: Kysely<Tables>) {
  return {
    /** Pages `from`..`to` (inclusive) of a file, in order. */
    async listPages(fileId: string, from = 1, to = Number.MAX_SAFE_INTEGER): Promise<Page[]> {
      const rows = await db
        .selectFrom('pages')
        .selectAll()
        .where('file_id', '=', fileId)
        .where('number', '>=', from)
        .where('number', '<=', to)
        .orderBy('number')
        .execute();
      return rows.map((r) => ({
        fileId: r.file_id,
        number: r.number,
        width: r.width,
        height: r.height,
        start: r.start,
        end: r.end,
        text: r.text,
        lines: JSON.parse(r.lines) as Line[],
      }));
    },
    /** Line geometry of the pages whose text overlaps `start..end` (to draw or store an anchor's rectangles). */
    async linesOverlapping(fileId: string, start: number, end: number): Promise<Line[]> {
      const rows = await db
        .selectFrom('pages')
        .select('lines')
        .where('file_id', '=', fileId)
        .where('start', '<', end)
        .where('end', '>', start)
        .orderBy('number')
        .execute();
      return rows.flatMap((r) => JSON.parse(r.lines) as Line[]);
    },
    /** Every paragraph of a file in reading order, or only those starting on page `page`. */
    async listParagraphs(fileId: string, page?: number): Promise<Paragraph[]> {
      let query = db
        .selectFrom('paragraphs')
        .select([
          'id',
          'file_id',
          'ordinal',
          'page',
          'page_end',
          'start',
          'end',
          'text',
          'is_heading',
          'language',
          'rects',
        ])
        .where('file_id', '=', fileId);
      if (page !== undefined) query = query.where('page', '=', page);
      const rows = await query.orderBy('ordinal').execute();
      return rows.map((r) => ({
        id: r.id,
        fileId: r.file_id,
        ordinal: r.ordinal,
        page: r.page,
        pageEnd: r.page_end,
        start: r.start,
        end: r.end,
        text: r.text,
        isHeading: r.is_heading === 1,
        language: r.language,
        rects: JSON.parse(r.rects) as Rect[],
      }));
    },
  };
}
/** The page and paragraph repository. */
export type PageRepository = ReturnType<typeof createPageRepository>;
