import { UI_LANGUAGES, type UiLanguage } from '../domain/languages.ts';
import { localizeEntity, localLabel } from '../domain/localize.ts';
import { TRANSLATABLE_TYPES } from '../domain/metadata-validation.ts';
import {
  csvLine,
  type Labels,
  type PropertyColumn,
  propertyColumns,
  readableValue,
  snippetText,
  UTF8_BOM,
} from '../domain/readable-csv.ts';
import { fileDownloadPath } from '../domain/schemas/entity.ts';
import type { ExportLanguages, SearchQuery } from '../domain/schemas/search.ts';
import type { Template } from '../domain/schemas/template.ts';
import { publishedOnly, type Viewer, viewerOf } from '../domain/visibility.ts';
import type { SearchProvider, SearchResult } from '../search/provider.ts';
import type { Store, StoredFile } from '../store/store.ts';
import type { Actor } from './permissions.ts';

/** Entities per page while exporting: the whole result set is walked by cursor, never capped. */
const EXPORT_PAGE = 500;

/**
 * Every result of a search the actor may see, as CSV or JSON chunks, paged by cursor (never capped). The
 * first chunk is fetched before this resolves, so a search past its deadline fails here, before a
 * response has started, and is still answered with a proper error rather than a cut-off download.
 *
 * JSON is the records as stored (ids, for programs). CSV is for people (issue 12): one row per entity and
 * one column per property under its label, thesaurus labels and related entities' titles instead of ids,
 * several values joined with `|`, the best passage and its page for a text search, formula-safe cells, and a
 * UTF-8 byte-order mark so spreadsheets show accents, Arabic and Chinese.
 */
export async function exportSearch({
  store,
  search,
  actor,
  query,
  format,
  languages = 'reader',
  origin,
}: {
  store: Store;
  search: SearchProvider;
  actor: Actor;
  query: SearchQuery;
  format: 'csv' | 'json';
  /** CSV only: `reader` shows each entity in the reader's language; `all` gives each language its columns. */
  languages?: ExportLanguages;
  /**
   * CSV only: the site's address (`https://portal.example`), so media and image values naming this site's
   * files are written as full web addresses that still work from another portal or a spreadsheet.
   */
  origin?: string;
}): Promise<AsyncGenerator<string>> {
  const viewer = viewerOf(actor);
  const chunks =
    format === 'json'
      ? search.exportResults({ ...query, viewer }, format)
      : csvText(readableCsv({ store, search, query, viewer, everyLanguage: languages === 'all', origin }));
  const first = await chunks.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* chunks;
  })();
}

async function* csvText(pages: AsyncGenerator<ReadablePage>): AsyncGenerator<string> {
  for await (const page of pages) yield page.text;
}

/** A file an export with files carries: its name in the ZIP and where its bytes are. */
export type ExportedFile = { name: string; file: StoredFile };

/** One page of a readable export: its CSV lines and, for an export with files, the files they name. */
export type ReadablePage = { text: string; files: ExportedFile[] };

/**
 * The readable CSV, page by page. `withFiles`: `file` and `attachments` columns naming each entity's
 * documents and attachments by their names in the ZIP of an export with files (`files/<entity>/<name>`), and
 * media and image values naming one of them point there too, so the ZIP imports into another portal whole.
 */
export async function* readableCsv({
  store,
  search,
  query,
  viewer,
  everyLanguage,
  origin,
  withFiles = false,
}: {
  store: Store;
  search: SearchProvider;
  query: SearchQuery;
  viewer: Viewer;
  everyLanguage: boolean;
  origin?: string | undefined;
  withFiles?: boolean;
}): AsyncGenerator<ReadablePage> {
  const templates = await store.templates.list();
  const labels: Omit<Labels, 'titles'> = {
    templates: new Map(templates.map((t) => [t.name, t])),
    thesauri: new Map((await store.thesauri.list()).map((t) => [t.name, t])),
  };
  const lang = query.lang;
  const columns = propertyColumns(templates, query.template, lang);
  // Every language: the stored values in the entity's own language, then `Title__fr`, `Summary__fr`… for
  // each translated title and text, link and markdown value (what the import reads back, decision 45).
  const translated = everyLanguage ? translatedColumns(columns, templates, query.template) : [];
  const shownIn = everyLanguage ? undefined : lang;
  const relationships = new Set(
    templates.flatMap((t) => t.properties.filter((p) => p.type === 'relationship').map((p) => p.name)),
  );
  const text = query.q.trim() !== '';
  let cursor: string | undefined;
  let head: string | null =
    UTF8_BOM +
    csvLine([
      'Title',
      'Template',
      'Published',
      ...(text ? ['Best passage', 'Page'] : []),
      ...columns.map((c) => c.label),
      ...(everyLanguage ? ['Language', ...translated.map((c) => c.header)] : []),
      ...(withFiles ? ['file', 'attachments'] : []),
      'Id',
    ]);
  const addresses = new Map(
    templates.map((t) => [
      t.name,
      t.properties.filter((p) => p.type === 'media' || p.type === 'image').map((p) => p.name),
    ]),
  );
  do {
    const page: SearchResult = await search.search({
      ...query,
      viewer,
      cursor,
      limit: EXPORT_PAGE,
      snippets: text,
      cards: false,
      facets: false,
    });
    // Related entities' titles for this page only, and only those the viewer may see.
    const related = page.items.flatMap(({ entity }) =>
      [...relationships].flatMap((p) => {
        const v = entity.metadata[p];
        return Array.isArray(v) ? v.map(String) : [];
      }),
    );
    const titles = new Map(
      (await store.entities.findMany(related, { publishedOnly: publishedOnly(viewer) })).map((e) => [
        e.id,
        shownIn ? localizeEntity(e, undefined, shownIn).title : e.title,
      ]),
    );
    // In another language than the stored one: each entity's own title and texts in it where translated.
    const stored =
      lang || everyLanguage
        ? new Map((await store.entities.findMany(page.items.map((i) => i.entity.id))).map((e) => [e.id, e]))
        : null;
    const shown = shownIn
      ? new Map(
          [...stored!.values()].map((e) => [
            e.id,
            localizeEntity(e, labels.templates.get(e.template), shownIn),
          ]),
        )
      : null;
    let chunk = head ?? '';
    head = null;
    const files: ExportedFile[] = [];
    for (const { entity, templateLabel, snippets } of page.items) {
      const best = snippets[0];
      const local = shown?.get(entity.id) ?? (everyLanguage ? stored?.get(entity.id) : undefined);
      const template = labels.templates.get(entity.template);
      // The entity's documents and attachments (thumbnails stay behind: the import has no column for them).
      const own = withFiles ? zipNames(entity.id, await store.files.listByEntity(entity.id)) : [];
      files.push(...own);
      const inZip = new Map(own.map((f) => [fileDownloadPath(f.file.id), f.name]));
      const address = (v: unknown) =>
        typeof v !== 'string' ? v : (inZip.get(v) ?? (origin ? absoluteAddress(v, origin) : v));
      const addressed = (m: Record<string, unknown> | undefined) =>
        m && addresses.get(entity.template)?.some((p) => m[p] !== undefined)
          ? Object.fromEntries(
              Object.entries(m).map(([k, v]) => [
                k,
                addresses.get(entity.template)!.includes(k) ? address(v) : v,
              ]),
            )
          : m;
      const metadata = addressed(local?.metadata ?? entity.metadata)!;
      chunk += csvLine([
        local?.title ?? entity.title,
        lang && template ? localLabel(template.label, template.labels, lang).text : templateLabel,
        entity.published ? 'yes' : 'no',
        ...(text ? [best ? snippetText(best.html) : '', best?.page ?? ''] : []),
        ...columns.map((c) =>
          readableValue(entity.template, c.name, metadata[c.name], { ...labels, titles, lang }),
        ),
        ...(everyLanguage
          ? [
              stored?.get(entity.id)?.language ?? '',
              ...translated.map((c) => {
                const t = stored?.get(entity.id)?.translations[c.lang];
                if (c.property === null) return t?.title ?? '';
                return readableValue(entity.template, c.property, addressed(t?.metadata)?.[c.property], {
                  ...labels,
                  titles,
                });
              }),
            ]
          : []),
        ...(withFiles
          ? [
              own
                .filter((f) => f.file.role === 'document')
                .map((f) => f.name)
                .join(' | '),
              own
                .filter((f) => f.file.role === 'attachment')
                .map((f) => f.name)
                .join(' | '),
            ]
          : []),
        entity.id,
      ]);
    }
    if (chunk) yield { text: chunk, files };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** A column of one language's value: the title (`property` null) or a translatable property's. */
type TranslatedColumn = { header: string; lang: UiLanguage; property: string | null };

/**
 * The per-language columns of an export in every language, language by language: `Title__fr` then each
 * translatable property's `<label>__fr`, the header the CSV import reads as that language's value.
 */
function translatedColumns(
  columns: PropertyColumn[],
  templates: Template[],
  template: string | undefined,
): TranslatedColumn[] {
  const translatable = new Set(
    templates
      .filter((t) => !template || t.name === template)
      .flatMap((t) => t.properties.filter((p) => TRANSLATABLE_TYPES.has(p.type)).map((p) => p.name)),
  );
  return UI_LANGUAGES.flatMap((lang) => [
    { header: `Title__${lang}`, lang, property: null },
    ...columns
      .filter((c) => translatable.has(c.name))
      .map((c) => ({ header: `${c.label}__${lang}`, lang, property: c.name })),
  ]);
}

/**
 * An entity's documents and attachments under the names an export with files gives them: a folder per
 * entity (two entities' "report.pdf" do not collide), the stored name kept (the import stores the last
 * segment), a second file of the same name numbered; the import reads `|` as a separator, so it is replaced.
 */
function zipNames(entityId: string, files: StoredFile[]): ExportedFile[] {
  const taken = new Set<string>();
  return files
    .filter((f) => f.role === 'document' || f.role === 'attachment')
    .map((file) => {
      const clean = file.filename.replaceAll('|', '-');
      const dot = clean.lastIndexOf('.');
      let name = clean;
      for (let n = 2; taken.has(name.toLowerCase()); n++)
        name = dot > 0 ? `${clean.slice(0, dot)} (${n})${clean.slice(dot)}` : `${clean} (${n})`;
      taken.add(name.toLowerCase());
      return { name: `files/${entityId}/${name}`, file };
    });
}

/** A path on this site (`/api/v1/files/…`) as a full web address; other values as they are. */
export function absoluteAddress(value: string, origin: string): string {
  return value.startsWith('/') && !value.startsWith('//') ? new URL(value, origin).href : value;
}
