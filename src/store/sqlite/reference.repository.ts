import type Database from 'better-sqlite3';
import type { Anchor, Reference } from '../../domain/schemas/reference.ts';
import type { ReferenceView } from '../../domain/schemas/reference-view.ts';

/**
 * Text-to-text and text-to-entity connections (table `text_references`).
 *
 * Raw better-sqlite3 on the store's one connection rather than Kysely: operations reach it as
 * `store.references` (`tx.references` in a transaction), and inside `store.transaction` the raw statements run on
 * the same connection, so they join that transaction (the root Kysely instance would wait for it instead).
 * Call write methods inside a transaction.
 */
export function createReferenceRepository(sqlite: Database.Database) {
  const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T | undefined;
  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];

  /**
   * A page of views under `where`, oriented to the listed subject (`direction`), with the total count. Two
   * steps: the page's ids in order first (cheap columns only), then the full views of just those rows, so the
   * page and paragraph look-ups of VIEW_COLUMNS run `limit` times, not once per matching row before the sort.
   */
  function page(
    where: string,
    params: Record<string, unknown>,
    opts: { direction: string; order: string; limit: number; offset: number; publishedOnly: boolean },
  ) {
    const visible = opts.publishedOnly ? 'AND se.published = 1 AND te.published = 1' : '';
    const from = `FROM text_references r
      JOIN relation_types rt ON rt.id = r.relation_type_id
      JOIN entities se ON se.id = r.source_entity_id
      JOIN entities te ON te.id = r.target_entity_id
      WHERE (${where}) ${visible}`;
    const total = one<{ n: number }>(`SELECT count(*) AS n ${from}`, params)?.n ?? 0;
    const picked = all<{ id: string; direction: ViewRow['direction'] }>(
      `SELECT r.id, ${opts.direction} AS direction ${from}
       ORDER BY ${opts.order}, r.id LIMIT @limit OFFSET @offset`,
      { ...params, limit: opts.limit, offset: opts.offset },
    );
    const rows = new Map(
      all<ViewRow>(
        `SELECT ${VIEW_COLUMNS}, NULL AS direction FROM text_references r
         JOIN relation_types rt ON rt.id = r.relation_type_id
         JOIN entities se ON se.id = r.source_entity_id
         JOIN entities te ON te.id = r.target_entity_id
         WHERE r.id IN (SELECT value FROM json_each(?))`,
        JSON.stringify(picked.map((p) => p.id)),
      ).map((row) => [row.id, row]),
    );
    const items = picked.map((p) => toView({ ...rows.get(p.id)!, direction: p.direction }));
    return { items, total, limit: opts.limit, offset: opts.offset };
  }

  /**
   * Connections with an end overlapping `[start, end)` of a file. The overlap test reads the end offset through
   * the same expression as the `text_references_*_span` indexes, so it is answered from index entries.
   */
  function overlapping(fileId: string, start: number, end: number, opts: ListOptions, order: string) {
    // `start > @from` adds nothing logically (no end spans more than MAX_ANCHOR_SPAN) but bounds the index
    // range: without it the last page of a long file would scan every end of the file that starts before it.
    const overlaps = (side: 'source' | 'target') =>
      `(r.${side}_file_id = @fileId AND r.${side}_start < @end AND r.${side}_start > @from
        AND json_extract(r.${side}, '$.end') > @start)`;
    return page(
      `${overlaps('source')} OR ${overlaps('target')}`,
      { fileId, start, end, from: start - MAX_ANCHOR_SPAN },
      {
        ...opts,
        direction: `CASE WHEN ${overlaps('source')} THEN 'outgoing' ELSE 'incoming' END`,
        order:
          order === 'text'
            ? `CASE WHEN ${overlaps('source')} THEN r.source_start ELSE r.target_start END`
            : order,
      },
    );
  }

  return {
    /** Stores a connection; `relationTypeId` is the id of the relation type named in `ref.relationType`. */
    insert(ref: Reference & { relationTypeId: string }) {
      sqlite
        .prepare(
          `INSERT INTO text_references (id, relation_type_id, source_entity_id, source_file_id, source_start,
             source, target_entity_id, target_file_id, target_start, target, orphaned, created_by, created_at)
           VALUES (@id, @relationTypeId, @sourceEntityId, @sourceFileId, @sourceStart, @source, @targetEntityId,
             @targetFileId, @targetStart, @target, @orphaned, @createdBy, @createdAt)`,
        )
        .run({
          id: ref.id,
          relationTypeId: ref.relationTypeId,
          sourceEntityId: ref.sourceEntityId,
          sourceFileId: ref.source.fileId,
          sourceStart: ref.source.start,
          source: JSON.stringify(ref.source),
          targetEntityId: ref.targetEntityId,
          targetFileId: ref.target?.fileId ?? null,
          targetStart: ref.target?.start ?? null,
          target: ref.target ? JSON.stringify(ref.target) : null,
          orphaned: ref.orphaned ? 1 : 0,
          createdBy: ref.createdBy,
          createdAt: ref.createdAt,
        });
    },

    /** The connection with this id as a view (no direction), or null. */
    get(id: string): ReferenceView | null {
      const row = one<ViewRow>(
        `SELECT ${VIEW_COLUMNS}, NULL AS direction FROM text_references r
         JOIN relation_types rt ON rt.id = r.relation_type_id
         JOIN entities se ON se.id = r.source_entity_id
         JOIN entities te ON te.id = r.target_entity_id
         WHERE r.id = ?`,
        id,
      );
      return row ? toView(row) : null;
    },

    /** Removes a connection; true when it existed. */
    delete(id: string): boolean {
      return sqlite.prepare('DELETE FROM text_references WHERE id = ?').run(id).changes > 0;
    },

    /** Outgoing then incoming connections of an entity, each in the order of its end in this entity's text. */
    listByEntity(entityId: string, opts: ListOptions) {
      return page(
        'r.source_entity_id = @entityId OR r.target_entity_id = @entityId',
        { entityId },
        {
          ...opts,
          direction: `CASE WHEN r.source_entity_id = @entityId THEN 'outgoing' ELSE 'incoming' END`,
          order: `direction DESC, CASE WHEN r.source_entity_id = @entityId THEN r.source_start ELSE r.target_start END`,
        },
      );
    },

    /** Connections with an end in this file, in text order of that end (the viewer's highlights). */
    listByFile(fileId: string, opts: ListOptions) {
      return page(
        'r.source_file_id = @fileId OR r.target_file_id = @fileId',
        { fileId },
        {
          ...opts,
          direction: `CASE WHEN r.source_file_id = @fileId THEN 'outgoing' ELSE 'incoming' END`,
          order: `CASE WHEN r.source_file_id = @fileId THEN r.source_start ELSE r.target_start END`,
        },
      );
    },

    /** Connections with an end overlapping `[start, end)` of a file (a paragraph's range), oldest first. */
    listByRange(fileId: string, start: number, end: number, opts: ListOptions) {
      return overlapping(fileId, start, end, opts, 'r.created_at');
    },

    /**
     * Connections with an end overlapping `[start, end)` of a file (a page's range), in text order of that
     * end, as the viewer draws a page's highlights.
     */
    listByPageRange(fileId: string, start: number, end: number, opts: ListOptions) {
      return overlapping(fileId, start, end, opts, 'text');
    },

    /** The text range `[start, end)` of page `number` of a file, or null when the file has no such page. */
    findPage(fileId: string, number: number) {
      return (
        one<{ start: number; end: number }>(
          'SELECT start, "end" FROM pages WHERE file_id = ? AND number = ?',
          fileId,
          number,
        ) ?? null
      );
    },

    /**
     * The id of a connection of this relation type whose ends sit exactly at these offsets, or null (so a
     * batch that creates connections, like the demo's, can skip those that exist already).
     */
    findSame(
      relationType: string,
      source: { fileId: string; start: number; end: number },
      target: { fileId: string; start: number; end: number },
    ) {
      return (
        one<{ id: string }>(
          `SELECT r.id FROM text_references r JOIN relation_types rt ON rt.id = r.relation_type_id
           WHERE rt.name = @relationType
             AND r.source_file_id = @sFile AND r.source_start = @sStart AND json_extract(r.source, '$.end') = @sEnd
             AND r.target_file_id = @tFile AND r.target_start = @tStart AND json_extract(r.target, '$.end') = @tEnd`,
          {
            relationType,
            sFile: source.fileId,
            sStart: source.start,
            sEnd: source.end,
            tFile: target.fileId,
            tStart: target.start,
            tEnd: target.end,
          },
        )?.id ?? null
      );
    },

    /** Connections marked orphaned, oldest first (an editor's to-fix list). */
    listOrphaned(opts: ListOptions) {
      return page('r.orphaned = 1', {}, { ...opts, direction: 'NULL', order: 'r.created_at' });
    },

    /** A paragraph's file and text range, or null. */
    findParagraph(id: string) {
      return (
        one<{ fileId: string; start: number; end: number }>(
          'SELECT file_id AS fileId, start, "end" FROM paragraphs WHERE id = ?',
          id,
        ) ?? null
      );
    },

    /** Every connection with an end in this file, with both anchors, for re-anchoring. */
    listAnchorsInFile(fileId: string): StoredAnchors[] {
      return all<{ id: string; source: string; target: string | null; orphaned: number }>(
        `SELECT id, source, target, orphaned FROM text_references
         WHERE source_file_id = @fileId OR target_file_id = @fileId ORDER BY id`,
        { fileId },
      ).map((r) => ({
        id: r.id,
        source: JSON.parse(r.source) as Anchor,
        target: r.target ? (JSON.parse(r.target) as Anchor) : null,
        orphaned: r.orphaned === 1,
      }));
    },

    /** Replaces both anchors and the orphaned mark of a connection (the indexed start columns follow). */
    updateAnchors(id: string, source: Anchor, target: Anchor | null, orphaned: boolean) {
      sqlite
        .prepare(
          `UPDATE text_references SET source = @source, source_start = @sourceStart, target = @target,
             target_start = @targetStart, orphaned = @orphaned WHERE id = @id`,
        )
        .run({
          id,
          source: JSON.stringify(source),
          sourceStart: source.start,
          target: target ? JSON.stringify(target) : null,
          targetStart: target?.start ?? null,
          orphaned: orphaned ? 1 : 0,
        });
    },
  };
}

/**
 * The longest stretch of text an end can cover: an anchor's quote is at most 20,000 characters
 * (`Anchor.exact`), doubled for the white space a re-anchored quote may gain in a new version.
 */
const MAX_ANCHOR_SPAN = 40_000;

/** The reference repository. */
export type ReferenceRepository = ReturnType<typeof createReferenceRepository>;

/** Paging and visibility of a list. */
export type ListOptions = { limit: number; offset: number; publishedOnly: boolean };

/** Both stored anchors of a connection. */
export type StoredAnchors = { id: string; source: Anchor; target: Anchor | null; orphaned: boolean };

// The page and paragraph an end starts in: the last one starting at or before the end's start, one seek each
// on the (file_id, start) indexes of pages and paragraphs. Lists are paged, so this runs for at most `limit`
// rows.
const place = (side: 'source' | 'target') => `
  (SELECT pg.number FROM pages pg WHERE pg.file_id = r.${side}_file_id AND pg.start <= r.${side}_start
    ORDER BY pg.start DESC LIMIT 1) AS ${side}_page,
  (SELECT p.id FROM paragraphs p WHERE p.file_id = r.${side}_file_id AND p.start <= r.${side}_start
    ORDER BY p.start DESC LIMIT 1) AS ${side}_paragraph_id`;

const VIEW_COLUMNS = `r.id, rt.name AS relation_type, rt.label AS relation_label,
  rt.inverse_label, r.source_entity_id, r.source, r.target_entity_id, r.target, r.orphaned, r.created_by,
  r.created_at, se.title AS source_title, te.title AS target_title, ${place('source')}, ${place('target')}`;

type ViewRow = {
  id: string;
  relation_type: string;
  relation_label: string;
  inverse_label: string;
  source_entity_id: string;
  source: string;
  target_entity_id: string;
  target: string | null;
  orphaned: number;
  created_by: string | null;
  created_at: string;
  source_title: string;
  target_title: string;
  source_page: number | null;
  source_paragraph_id: string | null;
  target_page: number | null;
  target_paragraph_id: string | null;
  direction: 'outgoing' | 'incoming' | null;
};

const toView = (r: ViewRow): ReferenceView => ({
  id: r.id,
  relationType: r.relation_type,
  relationLabel: r.relation_label,
  inverseLabel: r.inverse_label,
  direction: r.direction,
  sourceEntityId: r.source_entity_id,
  source: JSON.parse(r.source) as Anchor,
  targetEntityId: r.target_entity_id,
  target: r.target ? (JSON.parse(r.target) as Anchor) : null,
  orphaned: r.orphaned === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  sourcePlace: { entityTitle: r.source_title, page: r.source_page, paragraphId: r.source_paragraph_id },
  targetPlace: {
    entityTitle: r.target_title,
    page: r.target ? r.target_page : null,
    paragraphId: r.target ? r.target_paragraph_id : null,
  },
});
