import { useInfiniteQuery } from '@tanstack/react-query';
import { searchPageOfQuery } from '../../api/search.ts';

const PAGE = 20;

/** Pages of GET /api/v1/search for a query string; "load more" follows `nextCursor`. */
export function useSearch(query: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['search-page', query],
    queryFn: ({ pageParam, signal }) =>
      searchPageOfQuery(query, { limit: PAGE, cursor: pageParam || undefined }, signal),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
