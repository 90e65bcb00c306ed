import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReattachInput, ReattachProposal } from '../../domain/schemas/reattach.ts';
import { OrphanedReferenceQuery, ReferenceList, ReferenceView } from '../../domain/schemas/reference-view.ts';
import { checkedQuery, get, write } from './client.ts';

/** Orphaned connections one page of the screen shows. */
export const ORPHANED_PAGE_SIZE = 50;

/** One page of the connections whose anchor was lost (editor+), paged by offset with the total. */
export const useOrphanedPage = (page: number) =>
  useQuery<ReferenceList>({
    queryKey: ['settings', 'orphaned', page],
    queryFn: ({ signal }) =>
      get(
        ReferenceList,
        checkedQuery(OrphanedReferenceQuery, '/references/orphaned', {
          limit: ORPHANED_PAGE_SIZE,
          offset: (page - 1) * ORPHANED_PAGE_SIZE,
        }),
        signal,
      ),
  });

/** Deletes one connection (editor+). */
export function useDeleteOrphan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => write(null, 'DELETE', `/references/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['settings', 'orphaned'] }),
  });
}

/** The lost end of an orphaned connection and the five paragraphs proposed for it. */
export const useReattachProposal = (id: string) =>
  useQuery<ReattachProposal>({
    queryKey: ['settings', 'reattach', id],
    queryFn: ({ signal }) => get(ReattachProposal, `/references/${encodeURIComponent(id)}/reattach`, signal),
    retry: false,
  });

/** Re-anchors the lost end on the chosen range; the orphan list and the viewer's connections are read again. */
export function useReattach(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReattachInput) =>
      write(ReferenceView, 'POST', `/references/${encodeURIComponent(id)}/reattach`, input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['settings'] }),
        client.invalidateQueries({ queryKey: ['references'] }),
      ]),
  });
}
