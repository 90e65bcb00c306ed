import { useInfiniteQuery } from '@tanstack/react-query';
import type { SearchResponse } from '../../../domain/schemas/search.ts';
import { get } from '../../api/client.ts';

const PAGE = 20;

/** Pages of GET /api/v1/search for a query string; "load more" follows `nextCursor`. */
export function useSearch(query: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['search-page', query],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      params.set('limit', String(PAGE));
      if (pageParam) params.set('cursor', pageParam);
      return get<SearchResponse>(`/search?${params}`, signal);
    },
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
