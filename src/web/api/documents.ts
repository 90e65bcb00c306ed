import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { PageRangeQuery } from '../../domain/schemas/api.ts';
import {
  Page,
  Paragraph,
  REFERENCE_LIST_LIMIT_MAX,
  type ReferenceInput,
  ReferenceList,
  ReferenceListQuery,
  ReferenceView,
  RelationType,
  Toc,
} from '../../domain/schemas/index.ts';
import {
  AutocompleteQuery,
  AutocompleteResponse,
  FileSearchQuery,
  FileSearchResponse,
} from '../../domain/schemas/search.ts';
import { SuggestionQuery, SuggestionResponse } from '../../domain/schemas/suggestion.ts';
import type { TocEdit } from '../../domain/schemas/toc.ts';
import { checkedQuery, get, write } from './client.ts';

/** Every match of a search within one file (`GET /files/:id/search`). */
export type FileSearchResult = z.infer<typeof FileSearchResponse>;

/** Where suggestions start from: a whole paragraph or a range of a file's text. */
export type SuggestionSource = { paragraphId: string } | { fileId: string; start: number; end: number };

/** Pages are fetched in blocks of this many, so a long document loads only around where the reader is. */
export const PAGE_BLOCK = 8;

const enc = encodeURIComponent;

/** Typed calls of what the document viewer and the connection flow read and write. */
export const documentsApi = {
  pages: (fileId: string, from: number, to: number, signal?: AbortSignal) =>
    get(z.array(Page), checkedQuery(PageRangeQuery, `/files/${enc(fileId)}/pages`, { from, to }), signal),
  paragraphs: (fileId: string, signal?: AbortSignal) =>
    get(z.array(Paragraph), `/files/${enc(fileId)}/paragraphs`, signal),
  toc: (fileId: string, signal?: AbortSignal) => get(Toc, `/files/${enc(fileId)}/toc`, signal),
  editToc: (fileId: string, input: TocEdit) => write(Toc, 'PUT', `/files/${enc(fileId)}/toc`, input),
  searchFile: (fileId: string, q: string, signal?: AbortSignal) =>
    get(FileSearchResponse, checkedQuery(FileSearchQuery, `/files/${enc(fileId)}/search`, { q }), signal),
  references: (
    query: {
      fileId?: string;
      page?: number;
      entityId?: string;
      wholeEntity?: boolean;
      limit?: number;
      offset?: number;
    },
    signal?: AbortSignal,
  ) =>
    get(
      ReferenceList,
      checkedQuery(ReferenceListQuery, '/references', {
        ...query,
        wholeEntity: query.wholeEntity ? 'true' : undefined,
      }),
      signal,
    ),
  createReference: (input: ReferenceInput) => write(ReferenceView, 'POST', '/references', input),
  deleteReference: (id: string) => write(null, 'DELETE', `/references/${enc(id)}`),
  relationTypes: (signal?: AbortSignal) => get(z.array(RelationType), '/relation-types', signal),
  autocomplete: (q: string, template: string | undefined, signal?: AbortSignal) =>
    get(
      AutocompleteResponse,
      checkedQuery(AutocompleteQuery, '/autocomplete', { q, template, limit: 8 }),
      signal,
    ),
  suggestions: (source: SuggestionSource, targetEntityId?: string, signal?: AbortSignal) =>
    get(
      SuggestionResponse,
      checkedQuery(SuggestionQuery, '/suggestions', { ...source, targetEntityId, limit: 5 }),
      signal,
    ),
};

/** The original's URL, for download and for pdf.js. */
export const fileDownloadUrl = (fileId: string) => `/api/v1/files/${enc(fileId)}/download`;

export const documentKeys = {
  pages: (fileId: string, block: number) => ['pages', fileId, block] as const,
  paragraphs: (fileId: string) => ['paragraphs', fileId] as const,
  toc: (fileId: string) => ['toc', fileId] as const,
  referencesOfPage: (fileId: string, page: number) => ['references', 'file', fileId, page] as const,
  referencesList: (subject: ReferenceSubject, offset: number) =>
    ['references', 'list', subject, offset] as const,
};

/**
 * The query of the block of pages that holds page `n` (text and line geometry); shared by the viewer and
 * the prefetch at start-up so both fill the same cache entry.
 */
export const pageBlockQuery = (fileId: string, page: number) => {
  const block = Math.floor((page - 1) / PAGE_BLOCK);
  return queryOptions({
    queryKey: documentKeys.pages(fileId, block),
    queryFn: ({ signal }) =>
      documentsApi.pages(fileId, block * PAGE_BLOCK + 1, (block + 1) * PAGE_BLOCK, signal),
    staleTime: 5 * 60_000,
  });
};

export const usePageBlock = (fileId: string, page: number) => useQuery(pageBlockQuery(fileId, page));

/** Every paragraph of a file (reading order): permalinks, the keyboard paragraph picker, paged text. */
export const useParagraphs = (fileId: string | undefined) =>
  useQuery({
    queryKey: documentKeys.paragraphs(fileId ?? ''),
    queryFn: ({ signal }) => documentsApi.paragraphs(fileId ?? '', signal),
    enabled: Boolean(fileId),
    staleTime: 5 * 60_000,
  });

/** A file's table of contents (its PDF outline, else its headings), once the file is ready. */
export const useFileToc = (fileId: string | undefined) =>
  useQuery({
    queryKey: documentKeys.toc(fileId ?? ''),
    queryFn: ({ signal }) => documentsApi.toc(fileId ?? '', signal),
    enabled: Boolean(fileId),
    staleTime: 5 * 60_000,
  });

/** Saves an editor's whole table of contents; the panel shows the list the server kept. */
export function useEditToc(fileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entries: Toc) => documentsApi.editToc(fileId, { entries }),
    onSuccess: (saved) => client.setQueryData(documentKeys.toc(fileId), saved),
  });
}

/** The query of the connections with an end on one page of a file: what that page highlights. */
export const pageReferencesQuery = (fileId: string, page: number) =>
  queryOptions({
    queryKey: documentKeys.referencesOfPage(fileId, page),
    queryFn: ({ signal }) =>
      documentsApi.references({ fileId, page, limit: REFERENCE_LIST_LIMIT_MAX }, signal),
    staleTime: 30_000,
  });

export const usePageReferences = (fileId: string, page: number, enabled = true) =>
  useQuery({ ...pageReferencesQuery(fileId, page), enabled });

/**
 * Whose connections the panel lists: one file's (each file of a document in several languages has its own),
 * or those to an entity as a whole (a passage elsewhere connected to the whole document), which no file holds.
 */
export type ReferenceSubject = { fileId: string } | { entityId: string; wholeEntity: true };

/** One page of the connections of a file, or of those to an entity as a whole (a document may have thousands). */
export const useReferenceList = (subject: ReferenceSubject, offset: number, limit: number) =>
  useQuery({
    queryKey: documentKeys.referencesList(subject, offset),
    queryFn: ({ signal }) => documentsApi.references({ ...subject, offset, limit }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export const useRelationTypes = () =>
  useQuery({
    queryKey: ['relation-types'],
    queryFn: ({ signal }) => documentsApi.relationTypes(signal),
    staleTime: 10 * 60_000,
  });

/** All matches of `q` in one file, in reading order, for the viewer's search list. */
export const useFileSearch = (fileId: string | undefined, q: string) =>
  useQuery({
    queryKey: ['file-search', fileId, q],
    queryFn: ({ signal }) => documentsApi.searchFile(fileId ?? '', q, signal),
    enabled: Boolean(fileId) && q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** Paragraphs most like a passage: in one target entity, or across the collection (none: disabled). */
export const useSuggestions = (source: SuggestionSource | null, targetEntityId?: string) =>
  useQuery({
    queryKey: ['suggestions', source, targetEntityId],
    queryFn: ({ signal }) => documentsApi.suggestions(source!, targetEntityId, signal),
    enabled: source !== null,
    staleTime: 60_000,
  });
