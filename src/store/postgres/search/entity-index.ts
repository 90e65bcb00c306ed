import { analysedLines, translatedTexts } from '../../../domain/localize.ts';
import { titleKey } from '../../../domain/query-language/index.ts';
import type { Property } from '../../../domain/schemas/template.ts';
import type { EntityTranslations } from '../../../domain/schemas/translations.ts';
import {
  ANALYSIS_VERSION,
  contentLanguages,
  foldedWords,
  indexTerms,
  LANGUAGE_FACET,
} from '../../../domain/text-analysis/index.ts';
import { FACET_TYPES, metaParts } from '../../sqlite/search/entity-index.ts';
import {
  TAG_ALL,
  TAG_PUBLISHED,
  tagMissing,
  tagTemplate,
  tagValue,
  tagYear,
} from '../../sqlite/search/tag-tokens.ts';
import { writeParagraphVectors } from './paragraph-vectors.ts';
import { flag, json, rowsOf, type SqlRunner } from './sql-runner.ts';
import { TERMS_CONFIG } from './tsquery.ts';

/*
 * The entity rows of the PostgreSQL index, built as the FTS5 engine builds its entity index (the same
 * metadata text, facet keys, tag tokens and analysed terms: src/store/sqlite/search/entity-index.ts,
 * domain/text-analysis). The terms are made in TypeScript, so the body travels to the application and
 * back as terms: the price of both engines holding the same words.
 */

/**
 * Characters of an entity's text that enter its ranking vector (rank_tsv) with its title and metadata:
 * about 120 words, so the vector stays small inside the row (no TOAST read to rank a match).
 */
const RANK_OPENING = 800;

const asList = (v: unknown): string[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
const yearOf = (d: string) => (/^\d{4}/.test(d) ? d.slice(0, 4) : null);

/** Thesaurus value labels by thesaurus name. */
export async function thesaurusLabels(db: SqlRunner): Promise<Map<string, Map<string, string>>> {
  const rows = await rowsOf<{ name: string; v: unknown }>(db, `SELECT name, "values" AS v FROM thesauri`);
  return new Map(
    rows.map((r) => [
      r.name,
      new Map(json<{ id: string; label: string }[]>(r.v).map((x) => [x.id, x.label])),
    ]),
  );
}

/** Titles and published flags of entities by id. */
export async function entityTitles(
  db: SqlRunner,
  ids: string[],
): Promise<Map<string, { title: string; published: boolean }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await rowsOf<{ id: string; title: string; published: unknown }>(
    db,
    `SELECT id, title, published FROM entities WHERE id = ANY($1::text[])`,
    [unique],
  );
  return new Map(rows.map((r) => [r.id, { title: r.title, published: flag(r.published) }]));
}

type EntityRow = {
  title: string;
  published: unknown;
  metadata: unknown;
  translations: unknown;
  language: string | null;
  template: string;
  properties: unknown;
};

/** Writes (or replaces) one entity's row; false when the entity does not exist. */
async function writeEntityDoc(
  db: SqlRunner,
  entityId: string,
  labels: Map<string, Map<string, string>>,
  { metaChanged = true } = {},
): Promise<boolean> {
  const [e] = await rowsOf<EntityRow>(
    db,
    `SELECT e.title, e.published, e.metadata, e.translations, e.language, t.name AS template, t.properties
     FROM entities e JOIN templates t ON t.id = e.template_id WHERE e.id = $1`,
    [entityId],
  );
  if (!e) return false;
  const props = json<Property[]>(e.properties);
  const md = json<Record<string, unknown>>(e.metadata);
  const published = flag(e.published);
  const tags = [TAG_ALL, tagTemplate(e.template)];
  if (published) tags.push(TAG_PUBLISHED);
  const facets: Record<string, string[]> = {};
  let dateKey = '';
  const relIds = props.filter((p) => p.type === 'relationship').flatMap((p) => asList(md[p.name]));
  // Only published targets lend their titles to this row (see the FTS5 entity index for why).
  const titles = new Map<string, string>();
  for (const [id, t] of await entityTitles(db, relIds)) if (t.published) titles.set(id, t.title);
  const meta = metaParts(props, md, labels, titles).map((part) => part.text);
  for (const p of props) {
    const values = asList(md[p.name]);
    if (p.type === 'date' && values[0] && (!dateKey || p.name === 'date')) dateKey = values[0];
    if (!p.filterable || !FACET_TYPES.has(p.type)) continue;
    const facetValues = p.type === 'date' ? values.map(yearOf).filter((y): y is string => !!y) : values;
    facets[p.name] = [...new Set(facetValues)];
    if (facetValues.length) tags.push(...facets[p.name]!.map((v) => tagValue(p.name, v)));
    else tags.push(tagMissing(p.name));
  }
  const year = yearOf(dateKey);
  if (year) tags.push(tagYear(Number(year)));
  const paragraphs = await rowsOf<{ text: string; language: string | null }>(
    db,
    `SELECT p.text, coalesce(p.language, f.language, $2) AS language FROM files f
     JOIN paragraphs p ON p.file_id = f.id WHERE f.entity_id = $1 ORDER BY f.created_at, f.id, p.ordinal`,
    [entityId, e.language],
  );
  const fileLanguages = await rowsOf<{ language: string }>(
    db,
    `SELECT DISTINCT language FROM files WHERE entity_id = $1 AND language IS NOT NULL`,
    [entityId],
  );
  const languages = contentLanguages(
    e.language,
    fileLanguages.map((f) => f.language),
  );
  facets[LANGUAGE_FACET] = languages;
  tags.push(...languages.map((l) => tagValue(LANGUAGE_FACET, l)));
  const metaText = meta.join('\n');
  const bodyText = paragraphs.map((p) => p.text).join('\n');
  const own = e.language ?? '';
  const translated = translatedTexts(json<EntityTranslations>(e.translations) ?? {}, props);
  const body = paragraphs.map((p) => indexTerms(p.text, p.language)).join('\n');
  const opening = paragraphs.length
    ? indexTerms(bodyText.slice(0, RANK_OPENING), paragraphs[0]!.language)
    : '';
  await db.query(
    `INSERT INTO search_entities (entity_id, template, published, title, title_key, date_key, facets, tags,
       config, tsv, words, title_words, rank_tsv)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9::regconfig,
       cp_entity_tsv($9::regconfig, $11, $10, $12),
       strip(cp_tsvector($9::regconfig, $13)),
       cp_tsvector($9::regconfig, $11),
       cp_entity_tsv($9::regconfig, $11, $10, $14)
     ON CONFLICT (entity_id) DO UPDATE SET template = excluded.template, published = excluded.published,
       title = excluded.title, title_key = excluded.title_key, date_key = excluded.date_key,
       facets = excluded.facets, tags = excluded.tags, config = excluded.config, tsv = excluded.tsv,
       words = excluded.words, title_words = excluded.title_words, rank_tsv = excluded.rank_tsv`,
    [
      entityId,
      e.template,
      published,
      e.title,
      titleKey(e.title),
      dateKey,
      JSON.stringify(facets),
      tags,
      TERMS_CONFIG,
      // The title and texts in the other languages too, each analysed in its own (decision 31).
      analysedLines([{ text: metaText, language: own }, ...translated.texts]),
      analysedLines([{ text: e.title, language: own }, ...translated.titles]),
      body,
      foldedWords(
        [e.title, metaText, bodyText, ...[...translated.titles, ...translated.texts].map((x) => x.text)].join(
          '\n',
        ),
      ),
      opening,
    ],
  );
  if (metaChanged) await bumpVersion(db);
  return true;
}

/** Tells search caches of sort and facet keys to reload. */
const bumpVersion = (db: SqlRunner) =>
  db.query(`UPDATE search_state SET value = value + 1 WHERE key = 'version'`);

async function deleteEntityDoc(db: SqlRunner, entityId: string) {
  const rows = await rowsOf(db, `DELETE FROM search_entities WHERE entity_id = $1 RETURNING docid`, [
    entityId,
  ]);
  if (rows.length) await bumpVersion(db);
}

async function reindex(db: SqlRunner, ids: string[], labels: Map<string, Map<string, string>>) {
  for (const id of ids) await writeEntityDoc(db, id, labels);
}

/**
 * (Re)indexes one entity, and the entities linking to it when its title or published flag changed (a
 * published target's title is part of their searchable text). Run it inside the writer's transaction.
 */
export async function indexEntity(db: SqlRunner, entityId: string): Promise<void> {
  const labels = await thesaurusLabels(db);
  const [before] = await rowsOf<{ title: string; published: boolean }>(
    db,
    `SELECT title, published FROM search_entities WHERE entity_id = $1`,
    [entityId],
  );
  if (!(await writeEntityDoc(db, entityId, labels))) return deleteEntityDoc(db, entityId);
  if (!before) return;
  const [now] = await rowsOf<{ title: string; published: boolean }>(
    db,
    `SELECT title, published FROM search_entities WHERE entity_id = $1`,
    [entityId],
  );
  if (now && (now.title !== before.title || now.published !== before.published))
    await reindex(db, await linkingEntities(db, entityId), labels);
}

const linkingEntities = async (db: SqlRunner, entityId: string) =>
  (
    await rowsOf<{ from_id: string }>(db, `SELECT DISTINCT from_id FROM entity_links WHERE to_id = $1`, [
      entityId,
    ])
  ).map((r) => r.from_id);

/** Reindexes the entities that linked to a deleted one (ids taken before the delete). */
export async function indexLinkersOfDeleted(db: SqlRunner, linkers: string[]): Promise<void> {
  await reindex(db, [...new Set(linkers)], await thesaurusLabels(db));
}

/** Removes an entity from the index (idempotent). */
export const removeEntity = (db: SqlRunner, entityId: string) => deleteEntityDoc(db, entityId);

/**
 * Writes the vectors of a file's paragraphs after they were written, and refreshes the owning entity's
 * full text. False when the file does not exist.
 */
export async function indexFile(db: SqlRunner, fileId: string): Promise<boolean> {
  const [file] = await rowsOf<{ entity_id: string }>(db, `SELECT entity_id FROM files WHERE id = $1`, [
    fileId,
  ]);
  if (!file) return false;
  await writeParagraphVectors(db, { fileId });
  await writeEntityDoc(db, file.entity_id, await thesaurusLabels(db), { metaChanged: false });
  return true;
}

/**
 * Rebuilds the entity index from the tables, `batch` entities per call of `inTransaction` (the caller's
 * way of running a unit of work in its own transaction), so readers keep going.
 */
export async function reindexAll(
  db: SqlRunner,
  opts: {
    onProgress?: (done: number, total: number) => void;
    batch?: number;
    inTransaction?: (work: (tx: SqlRunner) => Promise<void>) => Promise<void>;
  } = {},
): Promise<{ entities: number }> {
  const batch = opts.batch ?? 200;
  const run = opts.inTransaction ?? ((work) => work(db));
  const ids = (await rowsOf<{ id: string }>(db, `SELECT id FROM entities ORDER BY created_at, id`)).map(
    (r) => r.id,
  );
  await run(async (tx) => {
    await tx.query(`DELETE FROM search_entities WHERE entity_id <> ALL($1::text[])`, [ids]);
  });
  const labels = await thesaurusLabels(db);
  for (let i = 0; i < ids.length; i += batch) {
    await run(async (tx) => {
      for (const id of ids.slice(i, i + batch)) {
        await writeParagraphVectors(tx, { entityId: id });
        await writeEntityDoc(tx, id, labels, { metaChanged: false });
      }
    });
    opts.onProgress?.(Math.min(i + batch, ids.length), ids.length);
  }
  await run(async (tx) => {
    await bumpVersion(tx);
    await tx.query(
      `INSERT INTO search_state (key, value) VALUES ('analysis', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [ANALYSIS_VERSION],
    );
  });
  if (!ids.length) opts.onProgress?.(0, 0);
  return { entities: ids.length };
}
