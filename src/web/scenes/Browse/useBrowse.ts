import { useMemo } from 'react';
import type { Entity } from '../../../domain/schemas/index.ts';
import { ApiError } from '../../api/client.ts';
import { useSearchIds } from '../../api/hooks.ts';
import {
  buildIndex,
  type Filters,
  filterOptions,
  hasDocumentFilter,
  matchesProfile,
  matchingDocuments,
  profileCompleteness,
} from '../../lib/filters.ts';
import { usePortalData } from '../../lib/usePortalData.ts';

/** One browse result: a profile, its completeness and the documents that made it match. */
export type BrowseRow = { entity: Entity; share: number; documents: Entity[] };

/** How the free-text part was answered: by the search endpoint, by titles only (endpoint missing), or not asked. */
export type TextMode = 'none' | 'search' | 'titles';

/**
 * Applies the browse filters: profile and document filters on the loaded collection, free text through
 * GET /api/v1/search (its hits count for the profile itself or for any of its documents). When the search
 * endpoint is not there yet (404), free text falls back to matching profile titles, and the page says so.
 */
export function useBrowse(filters: Filters) {
  const portal = usePortalData({ withDocuments: hasDocumentFilter(filters) || Boolean(filters.q) });
  const searchFilters = useMemo(() => {
    const out: Record<string, { values: string[] }> = {};
    for (const [prop, value] of Object.entries(filters.document)) out[prop] = { values: [value] };
    return out;
  }, [filters.document]);
  const search = useSearchIds({ q: filters.q, filters: searchFilters });
  const isSearchMissing =
    search.error instanceof ApiError && (search.error.status === 404 || search.error.status === 501);
  const textMode: TextMode = !filters.q ? 'none' : search.data ? 'search' : 'titles';

  const result = useMemo(() => {
    const data = portal.data;
    if (!data) return null;
    const options = filterOptions(data);
    const index = buildIndex(data);
    const hits = search.data ? new Set(search.data.entityIds) : null;
    const needle = filters.q.trim().toLocaleLowerCase();
    const rows: BrowseRow[] = [];
    for (const entity of data.profiles) {
      if (!matchesProfile(entity, filters, index, options)) continue;
      let documents = hasDocumentFilter(filters)
        ? matchingDocuments(entity, filters, index, options.documentDate?.name)
        : (index.documentsOf.get(entity.id) ?? []);
      if (needle) {
        if (hits) {
          const docHits = documents.filter((d) => hits.has(d.id));
          if (!hits.has(entity.id) && docHits.length === 0) continue;
          if (docHits.length) documents = docHits;
        } else if (!entity.title.toLocaleLowerCase().includes(needle)) continue;
      }
      rows.push({
        entity,
        share: profileCompleteness(entity, data.templateByName.get(entity.template), index),
        documents,
      });
    }
    return { rows, options, index };
  }, [portal.data, filters, search.data]);

  return {
    data: portal.data,
    error: portal.error,
    isLoading: portal.isLoading || (Boolean(filters.q) && search.isFetching),
    result,
    textMode,
    isSearchMissing,
    searchError: isSearchMissing ? null : search.error,
  };
}
