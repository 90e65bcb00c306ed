import type { Kysely } from 'kysely';
import type { TocEntry } from '../../domain/schemas/toc.ts';
import type { Tables } from '../tables.ts';

/** Where a file's entries came from; an editor's ('edited') outlives re-extractions. */
export type TocSource = 'outline' | 'headings' | 'edited';

/** Files' tables of contents, written by the ingest worker with the text, or by an editor. */
export function createTocRepository(db: Kysely<Tables>) {
  /**
   * After a re-extraction, an edited TOC stays: each entry follows its paragraph (kept id) to its page, and
   * loses its anchor when that paragraph's text is gone. False when the TOC was not edited.
   */
  const keepEdited = async (fileId: string): Promise<boolean> => {
    const rows = await db
      .selectFrom('toc_entries')
      .leftJoin('paragraphs', (j) =>
        j
          .onRef('paragraphs.id', '=', 'toc_entries.paragraph_id')
          .onRef('paragraphs.file_id', '=', 'toc_entries.file_id'),
      )
      .select([
        'toc_entries.ordinal',
        'toc_entries.source',
        'toc_entries.paragraph_id',
        'paragraphs.id as found',
        'paragraphs.page as found_page',
      ])
      .where('toc_entries.file_id', '=', fileId)
      .execute();
    if (rows.length === 0 || rows[0]!.source !== 'edited') return false;
    for (const r of rows) {
      if (r.paragraph_id === null) continue;
      await db
        .updateTable('toc_entries')
        .set(r.found === null ? { paragraph_id: null } : { page: r.found_page! })
        .where('file_id', '=', fileId)
        .where('ordinal', '=', r.ordinal)
        .execute();
    }
    return true;
  };
  return {
    /**
     * Replaces a file's entries: in the transaction that makes the file's text ready (outline or headings,
     * unless an editor's TOC is kept), or an editor's whole list.
     */
    async replace(fileId: string, entries: TocEntry[], source: TocSource): Promise<void> {
      if (source !== 'edited' && (await keepEdited(fileId))) return;
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
