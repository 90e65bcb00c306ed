import { useInfiniteQuery } from '@tanstack/react-query';
import { searchPageOfQuery } from '../../api/search.ts';
import { useContentLanguage } from '../../lib/local.ts';

const PAGE = 20;

/**
 * Pages of GET /api/v1/search for a query string, cards in the reader's language; "load more" follows
 * `nextCursor`.
 */
export function useSearch(query: string, enabled: boolean) {
  const lang = useContentLanguage();
  return useInfiniteQuery({
    queryKey: ['search-page', query, lang],
    queryFn: ({ pageParam, signal }) =>
      searchPageOfQuery(query, { limit: PAGE, cursor: pageParam || undefined, lang }, signal),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}
