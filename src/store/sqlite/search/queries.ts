import type Database from 'better-sqlite3';
import type { DocMeta } from '../../../search/doc-cache.ts';
import { MARK_CLOSE, MARK_OPEN } from '../../../search/highlight.ts';
import { ENTITY_BM25 } from './ranking.ts';
import { cached } from './statements.ts';

// Engine-neutral, defined in src/search; re-exported for the PostgreSQL engine, which imports them here.
export type { DocMeta };
export { MARK_CLOSE, MARK_OPEN };

/** The FTS columns typed words may reach, per index. */
export const ENTITY_TEXT_COLUMNS = ['title', 'meta', 'body'];
export const PARAGRAPH_TEXT_COLUMNS = ['text'];

/** Docids and bm25 scores (as FTS5 gives them: lower is better) of every entity matching an expression. */
export const rankEntities = (sqlite: Database.Database, match: string) =>
  cached(
    sqlite,
    `SELECT rowid, ${ENTITY_BM25} FROM search_entities_fts WHERE search_entities_fts MATCH ?`,
    'raw',
  ).all(match) as [number, number][];

/** Docids of every entity matching an expression, unscored: no position lists are read for ranking. */
export const matchIds = (sqlite: Database.Database, match: string) =>
  cached(sqlite, `SELECT rowid FROM search_entities_fts WHERE search_entities_fts MATCH ?`, 'pluck').all(
    match,
  ) as number[];

/**
 * Docids of entities holding a word that starts with a prefix, as written (search_words_fts is not
 * stemmed). `prefix` is one FTS5 string (a single token: detail=none has no phrases).
 */
export const entitiesWithPrefix = (sqlite: Database.Database, prefix: string) =>
  cached(sqlite, `SELECT rowid FROM search_words_fts WHERE search_words_fts MATCH ?`, 'pluck').all(
    `${prefix} *`,
  ) as number[];

/** The last change of search_entities (search_changes.seq; 0 before any). */
export const lastChange = (sqlite: Database.Database) =>
  (cached(sqlite, `SELECT max(seq) FROM search_changes`, 'pluck').get() as number | null) ?? 0;

/**
 * The docids changed after `seq`, or null when the log no longer reaches back to it (trimmed: reload all)
 * or more than `most` changed (reloading all is then as cheap).
 */
export function changedSince(sqlite: Database.Database, seq: number, most: number): number[] | null {
  const first = cached(sqlite, `SELECT min(seq) FROM search_changes`, 'pluck').get() as number | null;
  if (first === null || first > seq + 1) return null;
  const ids = cached(sqlite, `SELECT DISTINCT docid FROM search_changes WHERE seq > ? LIMIT ?`, 'pluck').all(
    seq,
    Math.ceil(most) + 1,
  ) as number[];
  return ids.length > most ? null : ids;
}

/** Indexed entities' keys: every one, or those of some docids. */
export function loadDocMeta(sqlite: Database.Database, docids?: number[]): Map<number, DocMeta> {
  const columns = `docid, entity_id, template, published, title, title_key, date_key, facets`;
  const rows = (
    docids
      ? docids.flatMap((id) =>
          cached(sqlite, `SELECT ${columns} FROM search_entities WHERE docid = ?`, 'raw').all(id),
        )
      : sqlite.prepare(`SELECT ${columns} FROM search_entities`).raw().all()
  ) as [number, string, string, number, string, string, string, string][];
  return new Map(
    rows.map(([docid, entityId, template, published, title, titleKey, dateKey, json]) => {
      const facets = JSON.parse(json) as Record<string, string[]>;
      return [docid, { docid, entityId, template, published: !!published, title, titleKey, dateKey, facets }];
    }),
  );
}

/** Templates with their property lists (facet definitions come from filterable properties). */
export const loadTemplates = (sqlite: Database.Database) =>
  (
    cached(sqlite, `SELECT name, label, properties FROM templates ORDER BY name`).all() as {
      name: string;
      label: string;
      properties: string;
    }[]
  ).map((t) => ({
    name: t.name,
    label: t.label,
    properties: JSON.parse(t.properties) as {
      name: string;
      label: string;
      type: string;
      filterable?: boolean;
      thesaurus?: string;
    }[],
  }));

/** Stored entities by id, for result items. */
export function loadEntities(
  sqlite: Database.Database,
  ids: string[],
): Map<
  string,
  { id: string; title: string; template: string; metadata: Record<string, unknown>; published: boolean }
> {
  return new Map([...loadEntitiesWithLanguage(sqlite, ids)].map(([id, { language: _, ...e }]) => [id, e]));
}

/** Stored entities by id with the language of their title and metadata (what their texts are analysed in). */
export function loadEntitiesWithLanguage(
  sqlite: Database.Database,
  ids: string[],
): Map<
  string,
  {
    id: string;
    title: string;
    template: string;
    metadata: Record<string, unknown>;
    published: boolean;
    language: string;
  }
> {
  if (!ids.length) return new Map();
  const rows = cached(
    sqlite,
    `SELECT e.id, e.title, t.name AS template, e.metadata, e.published, e.language FROM entities e
       JOIN templates t ON t.id = e.template_id WHERE e.id IN (${ids.map(() => '?').join(',')})`,
  ).all(...ids) as {
    id: string;
    title: string;
    template: string;
    metadata: string;
    published: number;
    language: string;
  }[];
  return new Map(
    rows.map((r) => [r.id, { ...r, metadata: JSON.parse(r.metadata), published: !!r.published }]),
  );
}

/** Titles and published flags of entities (relationship values shown on result cards). */
export function entityTitles(
  sqlite: Database.Database,
  ids: string[],
): Map<string, { title: string; published: boolean }> {
  const out = new Map<string, { title: string; published: boolean }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = sqlite
      .prepare(`SELECT id, title, published FROM entities WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { id: string; title: string; published: number }[];
    for (const r of rows) out.set(r.id, { title: r.title, published: r.published === 1 });
  }
  return out;
}

/** File ids of an entity. */
export const filesOfEntity = (sqlite: Database.Database, entityId: string) =>
  cached(sqlite, `SELECT id FROM files WHERE entity_id = ? ORDER BY created_at, id`, 'pluck').all(
    entityId,
  ) as string[];

/** A file's entity and whether it is published (search within a file follows entity visibility). */
export const fileVisibility = (sqlite: Database.Database, fileId: string) =>
  sqlite
    .prepare(
      `SELECT e.id AS entityId, e.published FROM files f JOIN entities e ON e.id = f.entity_id WHERE f.id = ?`,
    )
    .get(fileId) as { entityId: string; published: number } | undefined;

/** `text` is null for a paragraph longer than `longAt`: its snippet is built from a window instead. */
export type ParagraphHit = {
  rowid: number;
  id: string;
  fileId: string;
  page: number;
  text: string | null;
  /** What the paragraph is analysed in (its long-paragraph windows are analysed alike). */
  language: string | null;
};

/**
 * Matching paragraphs in index (reading) order with a marked snippet; `match` includes the file scope.
 * No snippet() for paragraphs over `longAt` characters (CASE evaluates it only for the others): its
 * cost is quadratic in a paragraph's matches.
 */
export function snippetHits(
  sqlite: Database.Database,
  match: string,
  limit: number,
  excludeRowids: number[] = [],
  longAt = Number.MAX_SAFE_INTEGER,
): ParagraphHit[] {
  const exclude = excludeRowids.length
    ? `AND f.rowid NOT IN (${excludeRowids.map(() => '?').join(',')})`
    : '';
  return cached(
    sqlite,
    `SELECT f.rowid AS rowid, p.id, p.file_id AS fileId, p.page, p.language,
         CASE WHEN length(p.text) > ? THEN NULL
           ELSE snippet(search_paragraphs_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 28) END AS text
       FROM search_paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid
       WHERE search_paragraphs_fts MATCH ? ${exclude} LIMIT ?`,
  ).all(longAt, match, ...excludeRowids, limit) as ParagraphHit[];
}

/** A paragraph's stored text by rowid. */
export const paragraphText = (sqlite: Database.Database, rowid: number) =>
  cached(sqlite, `SELECT text FROM paragraphs WHERE rowid = ?`, 'pluck').get(rowid) as string | undefined;

export type FileParagraph = {
  id: string;
  ordinal: number;
  page: number;
  pageEnd: number;
  start: number;
  text: string;
  fileId?: string;
};

/**
 * Every matching paragraph of a query (scoped to one file) with the whole text marked; `marked` is null
 * for paragraphs over `longAt` characters (highlight() is quadratic in a paragraph's matches), which
 * come with their plain `text` for the caller to mark by windows.
 */
export function highlightedParagraphs(
  sqlite: Database.Database,
  match: string,
  longAt = Number.MAX_SAFE_INTEGER,
): (Omit<FileParagraph, 'text'> & { marked: string | null; text: string | null; language: string | null })[] {
  return sqlite
    .prepare(
      `SELECT p.id, p.ordinal, p.page, p.page_end AS pageEnd, p.start, p.language,
         CASE WHEN length(p.text) > ? THEN NULL
           ELSE highlight(search_paragraphs_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}') END AS marked,
         CASE WHEN length(p.text) > ? THEN p.text END AS text
       FROM search_paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid
       WHERE search_paragraphs_fts MATCH ? ORDER BY p.ordinal`,
    )
    .all(longAt, longAt, match) as (Omit<FileParagraph, 'text'> & {
    marked: string | null;
    text: string | null;
    language: string | null;
  })[];
}

/**
 * Paragraphs of some files that contain any of the given strings literally: the paragraph index keeps
 * CJK runs unsplit (it is external content over the stored text), so CJK snippets are found this way.
 */
export function paragraphsContaining(
  sqlite: Database.Database,
  fileIds: string[],
  needles: string[],
  limit: number,
): FileParagraph[] {
  if (!fileIds.length || !needles.length) return [];
  return cached(
    sqlite,
    `SELECT p.id, p.ordinal, p.page, p.page_end AS pageEnd, p.start, p.text, p.file_id AS fileId
       FROM paragraphs p WHERE p.file_id IN (${fileIds.map(() => '?').join(',')})
         AND (${needles.map(() => 'instr(p.text, ?) > 0').join(' OR ')})
       ORDER BY p.file_id, p.ordinal LIMIT ?`,
  ).all(...fileIds, ...needles, limit) as FileParagraph[];
}

/**
 * Paragraphs of some files containing any of the strings (LIKE: ASCII case-insensitive), in reading
 * order: the candidates for prefix-query snippets, which FTS5 would answer by merging the doclists of
 * every word with that prefix across the whole collection, once per result.
 */
export function paragraphsLike(
  sqlite: Database.Database,
  fileIds: string[],
  needles: string[],
  limit: number,
): FileParagraph[] {
  if (!fileIds.length || !needles.length) return [];
  const like = needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return cached(
    sqlite,
    `SELECT p.id, p.ordinal, p.page, p.page_end AS pageEnd, p.start, p.text, p.file_id AS fileId
       FROM paragraphs p WHERE p.file_id IN (${fileIds.map(() => '?').join(',')})
         AND (${needles.map(() => "p.text LIKE ? ESCAPE '\\'").join(' OR ')})
       ORDER BY p.file_id, p.ordinal LIMIT ?`,
  ).all(...fileIds, ...like, limit) as FileParagraph[];
}

/** Titles whose sort key starts with a prefix (btree range), optionally of one template. */
export function titlesStartingWith(
  sqlite: Database.Database,
  prefix: string,
  opts: { template?: string; publishedOnly: boolean; limit: number },
): { docid: number }[] {
  return sqlite
    .prepare(
      `SELECT docid FROM search_entities WHERE title_key >= ? AND title_key < ?
         AND (? IS NULL OR template = ?) AND (? = 0 OR published = 1)
       ORDER BY title_key, docid LIMIT ?`,
    )
    .all(
      prefix,
      `${prefix}\uffff`,
      opts.template ?? null,
      opts.template ?? null,
      opts.publishedOnly ? 1 : 0,
      opts.limit,
    ) as {
    docid: number;
  }[];
}

/** Docids matching an FTS5 expression, without scoring (autocomplete word prefixes). */
export const matchDocids = (sqlite: Database.Database, match: string, limit: number) =>
  sqlite
    .prepare(`SELECT rowid FROM search_entities_fts WHERE search_entities_fts MATCH ? LIMIT ?`)
    .pluck()
    .all(match, limit) as number[];
