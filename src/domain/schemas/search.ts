import { z } from 'zod';
import { ContentLanguage } from './translations.ts';

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x ?? '').split(','))
    .map((s) => s.trim())
    .filter(Boolean);

const PROPERTY = /^[a-z][a-zA-Z0-9]{0,63}$/;

/** Most hits one page of GET /search returns; clients page with the cursor beyond it. */
export const SEARCH_LIMIT_MAX = 100;

/**
 * The query string of GET /search. The whole search state is in the URL so it can be shared:
 * `q`, `f.<property>=v1,v2` (facet values), `op.<property>=and|or` (default or),
 * `missing.<property>=true` (also entities without a value), `template`, `yearFrom`, `yearTo`, `sort`,
 * `cursor`, `limit`, `lang` (the reader's language: titles and labels of the cards and facets in it).
 */
export const SearchQuery = z
  .object({
    q: z.string().max(20_000).default('').describe('Words, "phrases", OR, -exclusion, prefix*'),
    template: z.string().max(64).optional().describe('Only entities of this template'),
    yearFrom: z.coerce.number().int().min(0).max(9999).optional(),
    yearTo: z.coerce.number().int().min(0).max(9999).optional(),
    sort: z.enum(['relevance', 'date', 'title']).default('relevance'),
    cursor: z.string().max(2000).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
    lang: ContentLanguage.optional().describe(
      "The reader's language: hit titles, labels and facet values in it where translated, else as stored",
    ),
  })
  .catchall(
    z.union([z.string(), z.array(z.string())]).describe('f.<property>, op.<property>, missing.<property>'),
  )
  .transform((raw) => {
    const filters: Record<string, { values: string[]; op: 'and' | 'or'; missing?: boolean }> = {};
    const get = (name: string) => {
      filters[name] ??= { values: [], op: 'or' };
      return filters[name];
    };
    for (const [key, value] of Object.entries(raw)) {
      const m = /^(f|op|missing)\.(.+)$/.exec(key);
      if (!m || !PROPERTY.test(m[2]!)) continue;
      const [, kind, name] = m as unknown as [string, string, string];
      if (kind === 'f') get(name).values.push(...list(value));
      if (kind === 'op') get(name).op = list(value)[0] === 'and' ? 'and' : 'or';
      if (kind === 'missing') get(name).missing = ['true', '1', 'yes'].includes(list(value)[0] ?? '');
    }
    const { q, template, yearFrom, yearTo, sort, cursor, limit, lang } = raw;
    return { q, template, yearFrom, yearTo, sort, cursor, limit, filters, lang };
  });
export type SearchQuery = z.output<typeof SearchQuery>;

/** What a client asks GET /search for; `searchQueryParams` writes it as the query string SearchQuery reads. */
export type SearchRequest = {
  q?: string;
  template?: string;
  yearFrom?: number;
  yearTo?: number;
  sort?: 'relevance' | 'date' | 'title';
  cursor?: string;
  /** Clamped to 1…SEARCH_LIMIT_MAX: more is paged with the cursor. */
  limit?: number;
  filters?: Record<string, { values: string[]; op?: 'and' | 'or'; missing?: boolean }>;
  lang?: ContentLanguage;
};

/** The query parameters of a SearchRequest (the inverse of SearchQuery's parsing). */
export function searchQueryParams(r: SearchRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') out[key] = String(value);
  };
  set('q', r.q);
  set('template', r.template);
  set('yearFrom', r.yearFrom);
  set('yearTo', r.yearTo);
  if (r.sort && r.sort !== 'relevance') set('sort', r.sort);
  set('cursor', r.cursor);
  set('lang', r.lang);
  if (r.limit !== undefined) set('limit', Math.min(SEARCH_LIMIT_MAX, Math.max(1, Math.floor(r.limit) || 1)));
  for (const [name, f] of Object.entries(r.filters ?? {})) {
    if (!PROPERTY.test(name)) continue;
    set(`f.${name}`, f.values.join(','));
    if (f.op === 'and') set(`op.${name}`, 'and');
    if (f.missing) set(`missing.${name}`, 'true');
  }
  return out;
}

export const Snippet = z.object({
  paragraphId: z.string(),
  fileId: z.string(),
  page: z.number().int(),
  html: z.string().describe('Escaped text; matched words in <mark>'),
});

/** A line of a result card: a property's values as a reader reads them (titles, labels, a date). */
export const CardFact = z.object({
  property: z.string(),
  label: z.string().describe('Label of the property'),
  type: z.enum(['relationship', 'select', 'date']),
  values: z
    .array(z.string())
    .describe('Titles of related entities the reader may see, thesaurus labels, or a partial date'),
  more: z.number().int().describe('Further values not listed'),
});

/** Metadata text the words were found in; for a profile, the section it is shown under. */
export const FieldSnippet = z.object({
  property: z.string(),
  label: z.string().describe('Label of the property'),
  section: z.string().nullable().describe('Profile section of the property'),
  html: z.string().describe('Escaped text; matched words in <mark>'),
});

export const SearchItem = z.object({
  entity: z.object({
    id: z.string(),
    title: z.string(),
    template: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    published: z.boolean(),
    titleLanguage: z
      .string()
      .optional()
      .describe("Set when the title is not in the reader's `lang`: the language it is shown in"),
    storedTitle: z
      .string()
      .optional()
      .describe('Set when `title` is a translation: the title as stored (addresses are made from it)'),
  }),
  templateLabel: z.string().describe('Label of the template (State, Document…)'),
  facts: z
    .array(CardFact)
    .describe('Where the entity is from and what it is: related states/organisations, type, status, date'),
  score: z.number().describe('Relevance (higher is better); 0 without words or when sorted by date or title'),
  snippets: z.array(Snippet).max(3).describe("Passages of the entity's files holding the words"),
  fields: z
    .array(FieldSnippet)
    .max(2)
    .describe('Metadata texts holding the words; else the start of the first text, so every hit has one'),
});

export const FacetCounts = z.object({
  buckets: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
  missing: z.number().int().describe('Matching entities without a value'),
  selfExcluded: z
    .boolean()
    .describe(
      'True for a facet filtered with op=or: its counts leave out its own filter (what ticking one more value adds)',
    ),
});

export const SearchResponse = z.object({
  total: z.number().int().describe('Exact number of matching entities'),
  items: z.array(SearchItem),
  facets: z.record(z.string(), FacetCounts),
  nextCursor: z.string().nullable(),
  hints: z.array(z.string()).describe('What was ignored or changed in the query, in plain words'),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** `reader`: one column per property, in the reader's language; `all`: each language's values in its columns. */
export const ExportLanguages = z.enum(['reader', 'all']);
export type ExportLanguages = z.infer<typeof ExportLanguages>;

export const ExportQuery = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
  languages: ExportLanguages.default('reader').describe(
    'CSV: "all" adds a Language column and, for each of the six languages, Title__xx and <label>__xx columns of the translated titles and texts, which the CSV import reads back',
  ),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** `GET /search/export/zip`: a search of one template (`template` required), its entities with their files. */
export const ExportZipQuery = ExportQuery.pick({ languages: true });
export type ExportZipQuery = z.infer<typeof ExportZipQuery>;

export const FileSearchQuery = z.object({ q: z.string().max(20_000).default('') });
export const FileSearchResponse = z.object({
  matches: z.array(
    z.object({
      paragraphId: z.string(),
      ordinal: z.number().int(),
      page: z.number().int(),
      pageEnd: z.number().int(),
      text: z.string(),
      highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
      fileStart: z.number().int().describe("Offset of the paragraph in the file's full text"),
    }),
  ),
  hints: z.array(z.string()),
});

export const AutocompleteQuery = z.object({
  q: z.string().max(500).default(''),
  template: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const AutocompleteResponse = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), template: z.string() })),
});
