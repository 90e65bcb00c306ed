import type Database from 'better-sqlite3';
import { analysedLines, translatedTexts } from '../../../domain/localize.ts';
import { titleKey } from '../../../domain/query-language/index.ts';
import type { Property } from '../../../domain/schemas/template.ts';
import type { EntityTranslations } from '../../../domain/schemas/translations.ts';
import {
  contentLanguages,
  foldedWords,
  indexTerms,
  LANGUAGE_FACET,
} from '../../../domain/text-analysis/index.ts';
import { entityTitles } from './queries.ts';
import { TAG_ALL, TAG_PUBLISHED, tagMissing, tagTemplate, tagValue, tagYear } from './tag-tokens.ts';
import { maintainTopTerms } from './top-terms.ts';

/** Property types offered as facets (the brief of the search issue; numbers and links are not). */
export const FACET_TYPES = new Set(['select', 'multiselect', 'relationship', 'date']);

type EntityRow = {
  id: string;
  title: string;
  language: string;
  published: number;
  metadata: string;
  translations: string;
  template: string;
  properties: string;
};

const asList = (v: unknown): string[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
const yearOf = (d: string) => (/^\d{4}/.test(d) ? d.slice(0, 4) : null);

/** Thesaurus value labels by thesaurus name, read once per batch. */
export function thesaurusLabels(sqlite: Database.Database): Map<string, Map<string, string>> {
  const rows = sqlite.prepare(`SELECT name, "values" AS v FROM thesauri`).all() as {
    name: string;
    v: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.name,
      new Map((JSON.parse(r.v) as { id: string; label: string }[]).map((x) => [x.id, x.label])),
    ]),
  );
}

/** The texts of an entity's metadata that go into the `meta` column, in order, each with its property. */
export function metaParts(
  props: Property[],
  md: Record<string, unknown>,
  labels: Map<string, Map<string, string>>,
  titles: Map<string, string>,
): { property: Property; text: string }[] {
  const parts: { property: Property; text: string }[] = [];
  for (const p of props) {
    const values = asList(md[p.name]);
    let texts: string[] = [];
    if (p.type === 'text' || p.type === 'markdown' || p.type === 'generatedId') texts = values;
    if (p.type === 'select' || p.type === 'multiselect')
      texts = values.map((v) => labels.get(p.thesaurus ?? '')?.get(v) ?? v);
    if (p.type === 'relationship') texts = values.map((v) => titles.get(v) ?? '');
    if (p.type === 'link')
      texts = ((md[p.name] as { label?: string }[] | undefined) ?? []).map((l) => l.label ?? '');
    for (const text of texts) if (text) parts.push({ property: p, text });
  }
  return parts;
}

/**
 * What one entity contributes to the index: the FTS row (`terms`: its title, metadata text and full text
 * as analysed terms; `words`: all of it folded, unstemmed) and its sort and facet keys.
 */
export type EntityDoc = {
  entityId: string;
  template: string;
  published: number;
  title: string;
  titleKey: string;
  dateKey: string;
  facets: Record<string, string[]>;
  tags: string;
  terms: { title: string; meta: string; body: string };
  words: string;
};

/** Builds the index row of one entity from its stored metadata, its template and its files' paragraphs. */
export function buildEntityDoc(
  sqlite: Database.Database,
  entityId: string,
  labels: Map<string, Map<string, string>>,
): EntityDoc | null {
  const e = sqlite
    .prepare(
      `SELECT e.id, e.title, e.language, e.published, e.metadata, e.translations, t.name AS template, t.properties
       FROM entities e JOIN templates t ON t.id = e.template_id WHERE e.id = ?`,
    )
    .get(entityId) as EntityRow | undefined;
  if (!e) return null;
  const props = JSON.parse(e.properties) as Property[];
  const md = JSON.parse(e.metadata) as Record<string, unknown>;
  const tags = [TAG_ALL, tagTemplate(e.template)];
  if (e.published) tags.push(TAG_PUBLISHED);
  const meta: string[] = [];
  const facets: Record<string, string[]> = {};
  let dateKey = '';
  const relIds = props.filter((p) => p.type === 'relationship').flatMap((p) => asList(md[p.name]));
  // Only published targets lend their titles to this row: the words of an unpublished entity's title must
  // not find a published entity for anonymous readers. indexEntity reindexes the linking entities when a
  // target's title or published flag changes.
  const titles = titlesOf(sqlite, relIds, { publishedOnly: true });
  meta.push(...metaParts(props, md, labels, titles).map((part) => part.text));
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
  // Each paragraph is analysed in its own language (its file's, then the entity's, when it has none).
  const paragraphs = sqlite
    .prepare(
      `SELECT p.text, coalesce(p.language, f.language, ?) AS language FROM files f
       JOIN paragraphs p ON p.file_id = f.id WHERE f.entity_id = ? ORDER BY f.created_at, f.id, p.ordinal`,
    )
    .raw()
    .all(e.language, entityId) as [string, string][];
  const fileLanguages = sqlite
    .prepare(`SELECT DISTINCT language FROM files WHERE entity_id = ? AND language IS NOT NULL`)
    .pluck()
    .all(entityId) as string[];
  const languages = contentLanguages(e.language, fileLanguages);
  facets[LANGUAGE_FACET] = languages;
  tags.push(...languages.map((l) => tagValue(LANGUAGE_FACET, l)));
  const metaText = meta.join('\n');
  const bodyText = paragraphs.map(([text]) => text).join('\n');
  const translated = translatedTexts(JSON.parse(e.translations) as EntityTranslations, props);
  return {
    entityId,
    template: e.template,
    published: e.published ? 1 : 0,
    title: e.title,
    titleKey: titleKey(e.title),
    dateKey,
    facets,
    tags: tags.join(' '),
    // The title and texts in the other languages too, each analysed in its own (decision 31).
    terms: {
      title: analysedLines([{ text: e.title, language: e.language }, ...translated.titles]),
      meta: analysedLines([{ text: metaText, language: e.language }, ...translated.texts]),
      body: paragraphs.map(([text, language]) => indexTerms(text, language)).join('\n'),
    },
    words: foldedWords(
      [e.title, metaText, bodyText, ...[...translated.titles, ...translated.texts].map((x) => x.text)].join(
        '\n',
      ),
    ),
  };
}

/** Titles of entities by id (relationship labels), optionally of published entities only. */
export function titlesOf(
  sqlite: Database.Database,
  ids: string[],
  { publishedOnly = false } = {},
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, t] of entityTitles(sqlite, ids)) if (!publishedOnly || t.published) out.set(id, t.title);
  return out;
}

/** Tells worker caches of search_entities to reload. */
export const bumpVersion = (sqlite: Database.Database) =>
  sqlite.prepare(`UPDATE search_state SET value = value + 1 WHERE key = 'version'`).run();

/** Writes (or replaces) one entity's index row; the docid stays the same across updates. */
export function writeEntityDoc(sqlite: Database.Database, doc: EntityDoc, { metaChanged = true } = {}): void {
  const row = sqlite
    .prepare(
      `INSERT INTO search_entities (entity_id, template, published, title, title_key, date_key, facets, tags)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity_id) DO UPDATE SET template = excluded.template, published = excluded.published,
         title = excluded.title, title_key = excluded.title_key, date_key = excluded.date_key,
         facets = excluded.facets, tags = excluded.tags
       RETURNING docid`,
    )
    .get(
      doc.entityId,
      doc.template,
      doc.published,
      doc.title,
      doc.titleKey,
      doc.dateKey,
      JSON.stringify(doc.facets),
      doc.tags,
    ) as { docid: number };
  const { title, meta, body } = doc.terms;
  sqlite.prepare(`DELETE FROM search_entities_fts WHERE rowid = ?`).run(row.docid);
  sqlite
    .prepare(`INSERT INTO search_entities_fts (rowid, title, meta, body, tags) VALUES (?, ?, ?, ?, ?)`)
    .run(row.docid, title, meta, body, doc.tags);
  sqlite.prepare(`DELETE FROM search_words_fts WHERE rowid = ?`).run(row.docid);
  sqlite.prepare(`INSERT INTO search_words_fts (rowid, words) VALUES (?, ?)`).run(row.docid, doc.words);
  maintainTopTerms(sqlite, row.docid, { title, meta, body, tags: doc.tags });
  if (metaChanged) bumpVersion(sqlite);
}

/** Removes one entity from the entity index (paragraphs and its search_words_fts row leave by triggers). */
export function deleteEntityDoc(sqlite: Database.Database, entityId: string): void {
  const docid = sqlite
    .prepare(`SELECT docid FROM search_entities WHERE entity_id = ?`)
    .pluck()
    .get(entityId) as number | undefined;
  if (docid === undefined) return;
  sqlite.prepare(`DELETE FROM search_entities_fts WHERE rowid = ?`).run(docid);
  sqlite.prepare(`DELETE FROM search_entities WHERE docid = ?`).run(docid);
  bumpVersion(sqlite);
}

/**
 * The indexed title and published flag of an entity (to notice renames and (un)publishing, which change other
 * entities' relationship text).
 */
export const indexedTitle = (sqlite: Database.Database, entityId: string) =>
  sqlite.prepare(`SELECT title, published FROM search_entities WHERE entity_id = ?`).get(entityId) as
    | { title: string; published: number }
    | undefined;

/** Entities whose relationship properties point at this one. */
export const linkingEntities = (sqlite: Database.Database, entityId: string) =>
  sqlite
    .prepare(`SELECT DISTINCT from_id FROM entity_links WHERE to_id = ?`)
    .pluck()
    .all(entityId) as string[];

/** The entity a file belongs to. */
export const entityOfFile = (sqlite: Database.Database, fileId: string) =>
  sqlite.prepare(`SELECT entity_id FROM files WHERE id = ?`).pluck().get(fileId) as string | undefined;

/** Every entity id, for a full rebuild. */
export const allEntityIds = (sqlite: Database.Database) =>
  sqlite.prepare(`SELECT id FROM entities ORDER BY rowid`).pluck().all() as string[];

/**
 * Rebuilds the paragraph index from the paragraphs table and empties the entity index. Not FTS5's
 * 'rebuild', which would index the stored text itself: the index holds each paragraph's analysed terms.
 */
export function resetIndexes(sqlite: Database.Database): void {
  sqlite.exec(
    `INSERT INTO search_paragraphs_fts (search_paragraphs_fts) VALUES ('delete-all');
     INSERT INTO search_paragraphs_fts (rowid, text, file_id)
       SELECT rowid, cp_aligned_terms(text, language), file_id FROM paragraphs;`,
  );
  sqlite.exec(
    `INSERT INTO search_entities_fts (search_entities_fts) VALUES ('delete-all'); DELETE FROM search_entities;
     INSERT INTO search_words_fts (search_words_fts) VALUES ('delete-all');
     DELETE FROM search_top_docs; DELETE FROM search_top_terms; DELETE FROM search_top_holders;`,
  );
  bumpVersion(sqlite);
}

/** Merges FTS segments after a bulk load: smaller, faster index. */
export const optimizeIndexes = (sqlite: Database.Database) =>
  sqlite.exec(
    `INSERT INTO search_paragraphs_fts (search_paragraphs_fts) VALUES ('optimize');
     INSERT INTO search_entities_fts (search_entities_fts) VALUES ('optimize');
     INSERT INTO search_words_fts (search_words_fts) VALUES ('optimize');`,
  );
