import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Anchor, Reference } from '../../domain/schemas/reference.ts';
import type { ReferenceView } from '../../domain/schemas/reference-view.ts';
import type { SqlDialect } from '../sql-dialect.ts';
import type { Tables } from '../tables.ts';

/**
 * Text-to-text and text-to-entity connections (table `text_references`; "references" is an SQL keyword).
 * One Kysely code path for both engines: the anchors are JSON text, and the one fragment that reads inside
 * them (an end's offset, as the span indexes spell it) comes from the dialect. Call write methods inside a
 * transaction (`tx.references`).
 */
export function createReferenceRepository(db: Kysely<Tables>, dialect: SqlDialect) {
  const rows = async <T>(query: RawBuilder<T>) => (await query.execute(db)).rows;
  const first = async <T>(query: RawBuilder<T>) => (await rows(query))[0];
  const endOf = (side: 'source' | 'target') => dialect.jsonInt(`r.${side}`, 'end');

  const joins = sql`FROM text_references r
      JOIN relation_types rt ON rt.id = r.relation_type_id
      JOIN entities se ON se.id = r.source_entity_id
      JOIN entities te ON te.id = r.target_entity_id`;

  /**
   * A page of views under `where`, oriented to the listed subject (`direction`), with the total count. Two
   * steps: the page's ids in order first (cheap columns only), then the full views of just those rows, so the
   * page and paragraph look-ups of VIEW_COLUMNS run `limit` times, not once per matching row before the sort.
   */
  async function page(
    where: RawBuilder<unknown>,
    opts: ListOptions & { direction: RawBuilder<unknown>; order: RawBuilder<unknown> },
  ) {
    const visible = opts.publishedOnly ? sql`AND se.published = 1 AND te.published = 1` : sql``;
    const total =
      (
        await first(
          sql<{ n: number }>`SELECT CAST(count(*) AS integer) AS n ${joins} WHERE (${where}) ${visible}`,
        )
      )?.n ?? 0;
    const picked = await rows(
      sql<{ id: string; direction: ViewRow['direction'] }>`SELECT r.id, ${opts.direction} AS direction
        ${joins} WHERE (${where}) ${visible}
        ORDER BY ${opts.order}, r.id LIMIT ${opts.limit} OFFSET ${opts.offset}`,
    );
    const views = picked.length
      ? await rows(
          sql<ViewRow>`SELECT ${VIEW_COLUMNS}, NULL AS direction ${joins}
            WHERE r.id IN (${sql.join(picked.map((p) => p.id))})`,
        )
      : [];
    const byId = new Map(views.map((row) => [row.id, row]));
    const items = picked.map((p) => toView({ ...byId.get(p.id)!, direction: p.direction }));
    return { items, total, limit: opts.limit, offset: opts.offset };
  }

  /**
   * Connections with an end overlapping `[start, end)` of a file. The overlap test reads the end offset through
   * the same expression as the `text_references_*_span` indexes, so it is answered from index entries.
   */
  function overlapping(fileId: string, start: number, end: number, opts: ListOptions, byText: boolean) {
    // `start > from` adds nothing logically (no end spans more than MAX_ANCHOR_SPAN) but bounds the index
    // range: without it the last page of a long file would scan every end of the file that starts before it.
    const from = start - MAX_ANCHOR_SPAN;
    const overlaps = (side: 'source' | 'target') =>
      sql`(${sql.ref(`r.${side}_file_id`)} = ${fileId} AND ${sql.ref(`r.${side}_start`)} < ${end}
        AND ${sql.ref(`r.${side}_start`)} > ${from} AND ${endOf(side)} > ${start})`;
    return page(sql`${overlaps('source')} OR ${overlaps('target')}`, {
      ...opts,
      direction: sql`CASE WHEN ${overlaps('source')} THEN 'outgoing' ELSE 'incoming' END`,
      order: byText
        ? sql`CASE WHEN ${overlaps('source')} THEN r.source_start ELSE r.target_start END`
        : sql`r.created_at`,
    });
  }

  return {
    /** Stores a connection; `relationTypeId` is the id of the relation type named in `ref.relationType`. */
    async insert(ref: Reference & { relationTypeId: string }): Promise<void> {
      await db
        .insertInto('text_references')
        .values({
          id: ref.id,
          relation_type_id: ref.relationTypeId,
          source_entity_id: ref.sourceEntityId,
          source_file_id: ref.source.fileId,
          source_start: ref.source.start,
          source: JSON.stringify(ref.source),
          target_entity_id: ref.targetEntityId,
          target_file_id: ref.target?.fileId ?? null,
          target_start: ref.target?.start ?? null,
          target: ref.target ? JSON.stringify(ref.target) : null,
          orphaned: ref.orphaned ? 1 : 0,
          created_by: ref.createdBy,
          created_at: ref.createdAt,
        })
        .execute();
    },

    /** The connection with this id as a view (no direction), or null. */
    async get(id: string): Promise<ReferenceView | null> {
      const row = await first(
        sql<ViewRow>`SELECT ${VIEW_COLUMNS}, NULL AS direction ${joins} WHERE r.id = ${id}`,
      );
      return row ? toView(row) : null;
    },

    /** Removes a connection; true when it existed. */
    async delete(id: string): Promise<boolean> {
      const r = await db.deleteFrom('text_references').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    /** Outgoing then incoming connections of an entity, each in the order of its end in this entity's text. */
    listByEntity(entityId: string, opts: ListOptions) {
      return page(sql`r.source_entity_id = ${entityId} OR r.target_entity_id = ${entityId}`, {
        ...opts,
        direction: sql`CASE WHEN r.source_entity_id = ${entityId} THEN 'outgoing' ELSE 'incoming' END`,
        order: sql`CASE WHEN r.source_entity_id = ${entityId} THEN 0 ELSE 1 END,
          CASE WHEN r.source_entity_id = ${entityId} THEN r.source_start ELSE r.target_start END`,
      });
    },

    /**
     * Connections to an entity as a whole (text-to-entity, no target passage), oldest first: they belong to
     * none of its files, so a file's list leaves them out and the viewer shows them apart.
     */
    listToWholeEntity(entityId: string, opts: ListOptions) {
      return page(sql`r.target_entity_id = ${entityId} AND r.target_file_id IS NULL`, {
        ...opts,
        direction: sql`'incoming'`,
        order: sql`r.created_at`,
      });
    },

    /** Connections with an end in this file, in text order of that end (the viewer's highlights). */
    listByFile(fileId: string, opts: ListOptions) {
      return page(sql`r.source_file_id = ${fileId} OR r.target_file_id = ${fileId}`, {
        ...opts,
        direction: sql`CASE WHEN r.source_file_id = ${fileId} THEN 'outgoing' ELSE 'incoming' END`,
        order: sql`CASE WHEN r.source_file_id = ${fileId} THEN r.source_start ELSE r.target_start END`,
      });
    },

    /** Connections with an end overlapping `[start, end)` of a file (a paragraph's range), oldest first. */
    listByRange(fileId: string, start: number, end: number, opts: ListOptions) {
      return overlapping(fileId, start, end, opts, false);
    },

    /**
     * Connections with an end overlapping `[start, end)` of a file (a page's range), in text order of that
     * end, as the viewer draws a page's highlights.
     */
    listByPageRange(fileId: string, start: number, end: number, opts: ListOptions) {
      return overlapping(fileId, start, end, opts, true);
    },

    /** The text range `[start, end)` of page `number` of a file, or null when the file has no such page. */
    async findPage(fileId: string, number: number): Promise<{ start: number; end: number } | null> {
      return (
        (await db
          .selectFrom('pages')
          .select(['start', 'end'])
          .where('file_id', '=', fileId)
          .where('number', '=', number)
          .executeTakeFirst()) ?? null
      );
    },

    /**
     * The id of a connection of this relation type whose ends sit exactly at these offsets, or null (so a
     * batch that creates connections, like the demo's, can skip those that exist already).
     */
    async findSame(
      relationType: string,
      source: { fileId: string; start: number; end: number },
      target: { fileId: string; start: number; end: number },
    ): Promise<string | null> {
      const row = await first(
        sql<{ id: string }>`SELECT r.id FROM text_references r
          JOIN relation_types rt ON rt.id = r.relation_type_id
          WHERE rt.name = ${relationType}
            AND r.source_file_id = ${source.fileId} AND r.source_start = ${source.start}
            AND ${endOf('source')} = ${source.end}
            AND r.target_file_id = ${target.fileId} AND r.target_start = ${target.start}
            AND ${endOf('target')} = ${target.end}`,
      );
      return row?.id ?? null;
    },

    /** Connections marked orphaned, oldest first (an editor's to-fix list). */
    listOrphaned(opts: ListOptions) {
      return page(sql`r.orphaned = 1`, { ...opts, direction: sql`NULL`, order: sql`r.created_at` });
    },

    /** A paragraph's file and text range, or null. */
    async findParagraph(id: string): Promise<{ fileId: string; start: number; end: number } | null> {
      return (
        (await db
          .selectFrom('paragraphs')
          .select(['file_id as fileId', 'start', 'end'])
          .where('id', '=', id)
          .executeTakeFirst()) ?? null
      );
    },

    /** Every connection with an end in this file, with both anchors, for re-anchoring. */
    async listAnchorsInFile(fileId: string): Promise<StoredAnchors[]> {
      const found = await db
        .selectFrom('text_references')
        .select(['id', 'source', 'target', 'orphaned'])
        .where((eb) => eb.or([eb('source_file_id', '=', fileId), eb('target_file_id', '=', fileId)]))
        .orderBy('id')
        .execute();
      return found.map((r) => ({
        id: r.id,
        source: JSON.parse(r.source) as Anchor,
        target: r.target ? (JSON.parse(r.target) as Anchor) : null,
        orphaned: r.orphaned === 1,
      }));
    },

    /** Replaces both anchors and the orphaned mark of a connection (the indexed start columns follow). */
    async updateAnchors(id: string, source: Anchor, target: Anchor | null, orphaned: boolean): Promise<void> {
      await db
        .updateTable('text_references')
        .set({
          source: JSON.stringify(source),
          source_start: source.start,
          target: target ? JSON.stringify(target) : null,
          target_start: target?.start ?? null,
          orphaned: orphaned ? 1 : 0,
        })
        .where('id', '=', id)
        .execute();
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

const VIEW_COLUMNS = sql.raw(`r.id, rt.name AS relation_type, rt.label AS relation_label,
  rt.inverse_label, r.source_entity_id, r.source, r.target_entity_id, r.target, r.orphaned, r.created_by,
  r.created_at, se.title AS source_title, te.title AS target_title, ${place('source')}, ${place('target')}`);

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
