import type { DocMeta } from '../../sqlite/search/queries.ts';
import { ENTITY_COLUMN_WEIGHTS } from '../../sqlite/search/ranking.ts';
import { flag, json, rowsOf, type SqlRunner } from './sql-runner.ts';

/**
 * ts_rank weights {D, C, B, A} from the engine-neutral column weights (src/store/sqlite/search/ranking.ts):
 * title (A) ≫ metadata (B) > full text (C), scaled so the title weighs 1.
 */
export const ENTITY_TS_WEIGHTS = `{0, ${ENTITY_COLUMN_WEIGHTS.body / ENTITY_COLUMN_WEIGHTS.title}, ${
  ENTITY_COLUMN_WEIGHTS.meta / ENTITY_COLUMN_WEIGHTS.title
}, 1}`;

/**
 * The index version (moves whenever a cached DocMeta could be stale) and the write generation (moves on
 * any write to entities, files, templates or thesauri), in one read.
 */
export const SEARCH_STATE_SQL = `SELECT key, value FROM search_state`;
export type StateRow = { key: string; value: string | number };

/** The state from SEARCH_STATE_SQL's rows (the provider sends it with its BEGIN: one round trip). */
export function searchStateOf(rows: StateRow[]): { version: number; generation: number } {
  const get = (key: string) => Number(rows.find((r) => r.key === key)?.value ?? 0);
  return { version: get('version'), generation: get('generation') };
}

/** Every indexed entity's sort and facet keys. */
export async function loadDocMeta(db: SqlRunner): Promise<Map<number, DocMeta>> {
  const rows = await rowsOf<{
    docid: number;
    entity_id: string;
    template: string;
    published: boolean;
    title: string;
    title_key: string;
    date_key: string;
    facets: unknown;
  }>(
    db,
    `SELECT docid, entity_id, template, published, title, title_key, date_key, facets FROM search_entities`,
  );
  return new Map(
    rows.map((r) => [
      r.docid,
      {
        docid: r.docid,
        entityId: r.entity_id,
        template: r.template,
        published: r.published,
        title: r.title,
        titleKey: r.title_key,
        dateKey: r.date_key,
        facets: json<Record<string, string[]>>(r.facets),
      },
    ]),
  );
}

export type TemplateRow = {
  name: string;
  label: string;
  properties: { name: string; label: string; type: string; filterable?: boolean; thesaurus?: string }[];
};

export const loadTemplates = async (db: SqlRunner): Promise<TemplateRow[]> =>
  (
    await rowsOf<{ name: string; label: string; properties: unknown }>(
      db,
      `SELECT name, label, properties FROM templates ORDER BY name`,
    )
  ).map((t) => ({ name: t.name, label: t.label, properties: json(t.properties) }));

export type StoredEntity = {
  id: string;
  title: string;
  template: string;
  metadata: Record<string, unknown>;
  published: boolean;
};

/** Templates and thesaurus labels: what cards and facets are labelled with, cached per write generation. */
export type Catalog = { templates: TemplateRow[]; thesauri: Map<string, Map<string, string>> };

/** Stored entities by id, for result items, with their language (the configuration their cards are marked in). */
export async function loadEntities(
  db: SqlRunner,
  ids: string[],
): Promise<Map<string, { entity: StoredEntity; language: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await rowsOf<{
    id: string;
    title: string;
    template: string;
    metadata: unknown;
    published: unknown;
    language: string | null;
  }>(
    db,
    `SELECT e.id, e.title, t.name AS template, e.metadata, e.published, e.language FROM entities e
       JOIN templates t ON t.id = e.template_id WHERE e.id = ANY($1::text[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        entity: {
          id: r.id,
          title: r.title,
          template: r.template,
          metadata: json(r.metadata),
          published: flag(r.published),
        },
        language: r.language,
      },
    ]),
  );
}
