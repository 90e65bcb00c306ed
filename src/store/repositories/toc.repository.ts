import type { Kysely } from 'kysely';
import type { TocEntry } from '../../domain/schemas/toc.ts';
import type { Tables } from '../tables.ts';

/** Files' tables of contents, written by the ingest worker with the text. */
export function createTocRepository(db: Kysely<Tables>) {
  return {
    /** Replaces a file's entries; in the transaction that makes the file's text ready. */
    async replace(fileId: string, entries: TocEntry[], source: 'outline' | 'headings'): Promise<void> {
      await db.deleteFrom('toc_entries').where('file_id', '=', fileId).execute();
      // Several statements for a long outline: a row has 7 parameters, SQLite takes 32,766 at most.
      for (let i = 0; i < entries.length; i += 1000)
        await db
          .insertInto('toc_entries')
          .values(
            entries.slice(i, i + 1000).map((e, j) => ({
              file_id: fileId,
              ordinal: i + j,
              label: e.label,
              level: e.level,
              page: e.page,
              paragraph_id: e.paragraphId,
              source,
            })),
          )
          .execute();
    },
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
