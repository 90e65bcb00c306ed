import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { ActivityPage, ActivityQuery } from '../../domain/schemas/api.ts';
import { Entity } from '../../domain/schemas/entity.ts';
import { checkedQuery, get, write } from './client.ts';

/** Entries one page of the activity screen loads. */
export const ACTIVITY_PAGE_SIZE = 50;

/** The filters of the activity screen, as the URL and the API both spell them. */
export type ActivityFilters = Pick<
  ActivityQuery,
  'person' | 'action' | 'template' | 'from' | 'to' | 'targetId' | 'q'
>;

/** The activity log filtered on the server (admin), newest first, one page after another by cursor. */
export const useActivityPages = (filters: ActivityFilters) =>
  useInfiniteQuery({
    queryKey: ['settings', 'activity', filters],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      get(
        ActivityPage,
        checkedQuery(ActivityQuery, '/activity', {
          ...filters,
          limit: ACTIVITY_PAGE_SIZE,
          cursor: pageParam || undefined,
        }),
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Reverts one entity change (editor+); the log is read again, the revert being an entry of its own. */
export function useRevert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (activityId: number) => write(Entity, 'POST', `/activity/${activityId}/revert`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['settings', 'activity'] }),
  });
}
