import { type Kysely, sql } from 'kysely';
import type { SectionSpec } from '../../domain/profile-sections.ts';
import {
  type Entity,
  type EntityListQuery,
  type LastReviewed,
  NOT_REVIEWED,
} from '../../domain/schemas/entity.ts';
import type { EntityTranslations } from '../../domain/schemas/translations.ts';
import type { SqlDialect } from '../sql-dialect.ts';
import type { Tables } from '../tables.ts';

/** SQLite allows 32,766 bound variables; stay far below it and keep statements cacheable. */
const IN_CHUNK = 500;

/** Splits a long IN-list into chunks, runs `fn` on each and concatenates the results. */
export async function inChunks<T, R>(values: T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += IN_CHUNK) out.push(...(await fn(values.slice(i, i + IN_CHUNK))));
  return out;
}

type Row = {
  id: string;
  template: string;
  title: string;
  language: string;
  published: number;
  metadata: string;
  translations: string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  last_reviewed: string | null;
  version: number;
};

const toEntity = (r: Row): Entity => ({
  id: r.id,
  template: r.template,
  title: r.title,
  language: r.language,
  published: r.published === 1,
  metadata: JSON.parse(r.metadata) as Record<string, unknown>,
  translations: JSON.parse(r.translations) as EntityTranslations,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  createdBy: r.created_by,
  lastReviewed: r.last_reviewed ? (JSON.parse(r.last_reviewed) as LastReviewed) : NOT_REVIEWED,
  version: r.version,
});

const reviewJson = (r: LastReviewed) =>
  r.profile === null && Object.keys(r.sections).length === 0 ? null : JSON.stringify(r);

const SORT_COLUMNS = { title: 'e.title', updatedAt: 'e.updated_at', createdAt: 'e.created_at' } as const;

/** A relationship value mirrored from metadata: `fromId.property` points at `toId`. */
export type EntityLink = { fromId: string; property: string; toId: string };

/** Entities (metadata as JSON) and the mirror of their relationship values in entity_links. */
export function createEntityRepository(db: Kysely<Tables>, dialect: SqlDialect) {
  const base = () =>
    db
      .selectFrom('entities as e')
      .innerJoin('templates as t', 't.id', 'e.template_id')
      .select([
        'e.id',
        't.name as template',
        'e.title',
        'e.language',
        'e.published',
        'e.metadata',
        'e.translations',
        'e.created_at',
        'e.updated_at',
        'e.created_by',
        'e.last_reviewed',
        'e.version',
      ]);

  return {
    /** Ids of entities of a template whose metadata `key` equals `value`, case-insensitive (a State by iso3). */
    async findIdsByMetadata({ template, key, value }: { template: string; key: string; value: string }) {
      const rows = await db
        .selectFrom('entities as e')
        .innerJoin('templates as t', 't.id', 'e.template_id')
        .select('e.id')
        .where('t.name', '=', template)
        .where(sql`lower(${dialect.jsonText('e.metadata', key)})`, '=', value.toLowerCase())
        .execute();
      return rows.map((r) => r.id);
    },
    /** The entity with this id, or null. */
    async findById(id: string) {
      const r = await base().where('e.id', '=', id).executeTakeFirst();
      return r ? toEntity(r) : null;
    },
    /** The entities with these ids that exist (optionally published ones only), in no particular order. */
    async findMany(ids: string[], { publishedOnly = false } = {}) {
      const rows = await inChunks([...new Set(ids)], (chunk) => {
        let q = base().where('e.id', 'in', chunk);
        if (publishedOnly) q = q.where('e.published', '=', 1);
        return q.execute();
      });
      return rows.map(toEntity);
    },
    /** Which of these ids are published entities (for hiding links to the others from anonymous readers). */
    async publishedAmong(ids: string[]): Promise<Set<string>> {
      const rows = await inChunks([...new Set(ids)], (chunk) =>
        db.selectFrom('entities').select('id').where('id', 'in', chunk).where('published', '=', 1).execute(),
      );
      return new Set(rows.map((r) => r.id));
    },
    /** A page of entities, optionally of one template and published only, with the total count. */
    async list(
      q: Omit<EntityListQuery, 'ids'> & { templateId?: string; publishedOnly: boolean; ids?: string[] },
    ) {
      let where = base();
      let count = db.selectFrom('entities as e').select((eb) => eb.fn.countAll<number>().as('n'));
      if (q.ids) {
        where = where.where('e.id', 'in', q.ids.length ? q.ids : ['']);
        count = count.where('e.id', 'in', q.ids.length ? q.ids : ['']);
      }
      if (q.templateId) {
        where = where.where('e.template_id', '=', q.templateId);
        count = count.where('e.template_id', '=', q.templateId);
      }
      if (q.publishedOnly) {
        where = where.where('e.published', '=', 1);
        count = count.where('e.published', '=', 1);
      }
      const direction = q.sort === 'title' ? 'asc' : 'desc';
      const rows = await where
        .orderBy(SORT_COLUMNS[q.sort], direction)
        .orderBy('e.id')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      const total = Number((await count.executeTakeFirstOrThrow()).n);
      return { items: rows.map(toEntity), total };
    },
    /** The template name of each given id that exists (for relationship validation). */
    async templatesOf(ids: string[]) {
      const rows = await inChunks([...new Set(ids)], (chunk) =>
        db
          .selectFrom('entities as e')
          .innerJoin('templates as t', 't.id', 'e.template_id')
          .select(['e.id', 't.name'])
          .where('e.id', 'in', chunk)
          .execute(),
      );
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    /** Stores a new entity. */
    async insert(e: Entity & { templateId: string }) {
      await db
        .insertInto('entities')
        .values({
          id: e.id,
          template_id: e.templateId,
          title: e.title,
          language: e.language,
          published: e.published ? 1 : 0,
          metadata: JSON.stringify(e.metadata),
          translations: JSON.stringify(e.translations),
          created_at: e.createdAt,
          updated_at: e.updatedAt,
          created_by: e.createdBy,
          last_reviewed: reviewJson(e.lastReviewed),
          version: e.version,
        })
        .execute();
    },
    /**
     * Overwrites an entity's editable fields if it is still at `basedOn` (its version when the change was
     * computed), and moves it to the next version. False when another write came first: nothing written.
     */
    async update(
      e: Pick<
        Entity,
        'id' | 'title' | 'language' | 'published' | 'metadata' | 'translations' | 'updatedAt' | 'lastReviewed'
      >,
      basedOn: number,
    ): Promise<boolean> {
      const result = await db
        .updateTable('entities')
        .set((eb) => ({
          title: e.title,
          language: e.language,
          published: e.published ? 1 : 0,
          metadata: JSON.stringify(e.metadata),
          translations: JSON.stringify(e.translations),
          updated_at: e.updatedAt,
          last_reviewed: reviewJson(e.lastReviewed),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', e.id)
        .where('version', '=', basedOn)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Removes an entity; its links, files, pages and paragraphs go with it (ON DELETE CASCADE). */
    async delete(id: string) {
      await db.deleteFrom('entities').where('id', '=', id).execute();
    },
    /** Replaces every outbound link of an entity with `links`. */
    async replaceLinks(fromId: string, links: Omit<EntityLink, 'fromId'>[]) {
      await db.deleteFrom('entity_links').where('from_id', '=', fromId).execute();
      for (let i = 0; i < links.length; i += IN_CHUNK) {
        const chunk = links.slice(i, i + IN_CHUNK);
        await db
          .insertInto('entity_links')
          .values(chunk.map((l) => ({ from_id: fromId, property: l.property, to_id: l.toId })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },
    /**
     * One page of a profile section (see SectionSpec) and the section's total, for the viewer's class:
     * ordering, limit and count are done in SQL, so a state with thousands of documents costs one page of
     * rows, not all of them. The order ends on the id, so offsets page through every entity exactly once.
     */
    async sectionPage(
      spec: SectionSpec,
      { publishedOnly, limit, offset }: { publishedOnly: boolean; limit: number; offset: number },
    ): Promise<{ items: Entity[]; total: number }> {
      // The template is checked inside each side, so the outer query has no constant to look entities up
      // by and starts from the section's ids: SQLite otherwise scans every entity of the target template
      // (25,000 documents) and probes the section for each.
      const side = (link: 'to_id' | 'from_id', other: 'to_id' | 'from_id', property: string) => {
        let q = db
          .selectFrom('entity_links as l')
          .innerJoin('entities as x', 'x.id', `l.${link}`)
          .innerJoin('templates as xt', 'xt.id', 'x.template_id')
          .select(`l.${link} as id`)
          .where(`l.${other}`, '=', spec.entityId)
          .where('l.property', '=', property);
        if (spec.targetTemplate) q = q.where('xt.name', '=', spec.targetTemplate);
        if (publishedOnly) q = q.where('x.published', '=', 1);
        return q;
      };
      const outbound = side('to_id', 'from_id', spec.property);
      const members = spec.inverse
        ? outbound.union(
            side('from_id', 'to_id', spec.inverse.property).where('xt.name', '=', spec.inverse.template),
          )
        : outbound;
      let page = db
        .selectFrom(members.as('m'))
        .innerJoin('entities as e', 'e.id', 'm.id')
        .innerJoin('templates as t', 't.id', 'e.template_id')
        .select([
          'e.id',
          't.name as template',
          'e.title',
          'e.language',
          'e.published',
          'e.metadata',
          'e.translations',
          'e.created_at',
          'e.updated_at',
          'e.created_by',
          'e.last_reviewed',
          'e.version',
        ]);
      const count = db.selectFrom(members.as('m')).select((eb) => eb.fn.countAll<number>().as('n'));
      // Undated entities last on both engines (PostgreSQL puts nulls first in a descending order).
      if (spec.dateKey)
        page = page.orderBy(sql`${dialect.jsonText('e.metadata', spec.dateKey)} desc nulls last`);
      const rows = await page.orderBy('e.title').orderBy('e.id').limit(limit).offset(offset).execute();
      const total = Number((await count.executeTakeFirstOrThrow()).n);
      return { items: rows.map(toEntity), total };
    },
    /** Links pointing at an entity: who lists it, and under which property. */
    async inboundLinks(toId: string): Promise<EntityLink[]> {
      const rows = await db
        .selectFrom('entity_links')
        .select(['from_id', 'property', 'to_id'])
        .where('to_id', '=', toId)
        .orderBy('property')
        .execute();
      return rows.map((r) => ({ fromId: r.from_id, property: r.property, toId: r.to_id }));
    },
    /**
     * The next ids of a template's entities after `afterId`, in id order: a job that walks them in batches
     * (a template change) resumes after the last id it did, whatever was created or deleted meanwhile.
     */
    async idsOfTemplate(template: string, afterId: string, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('entities as e')
        .innerJoin('templates as t', 't.id', 'e.template_id')
        .select('e.id')
        .where('t.name', '=', template)
        .where('e.id', '>', afterId)
        .orderBy('e.id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    /** How many entities a template has. */
    async countOfTemplate(template: string): Promise<number> {
      const r = await db
        .selectFrom('entities as e')
        .innerJoin('templates as t', 't.id', 'e.template_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('t.name', '=', template)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
/** The entity repository. */
export type EntityRepository = ReturnType<typeof createEntityRepository>;
