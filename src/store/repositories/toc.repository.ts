import type { Kysely } from 'kysely';
import type { TocEntry } from '../../domain/schemas/toc.ts';
import type { Tables } from '../tables.ts';

/** Files' tables of contents, written by the ingest worker with the text (store/sqlite/toc-write.ts). */
export function createTocRepository(db: Kysely<Tables>) {
  return {
    /** A file's entries in order, and where they came from; `source` null when none were stored. */
    async forFile(fileId: string): Promise<{ source: string | null; entries: TocEntry[] }> {
      const rows = await db
        .selectFrom('toc_entries')
        .selectAll()
        .where('file_id', '=', fileId)
        .orderBy('ordinal')
        .execute();
      return {
        source: rows[0]?.source ?? null,
        entries: rows.map((r) => ({
          label: r.label,
          level: r.level,
          page: r.page,
          paragraphId: r.paragraph_id,
        })),
      };
    },
  };
}
