import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ActivityQuery } from '../../domain/schemas/api.ts';
import { Entity } from '../../domain/schemas/entity.ts';
import { OrphanedReferenceQuery, ReferenceList } from '../../domain/schemas/reference-view.ts';
import { Thesaurus, type ThesaurusInput } from '../../domain/schemas/thesaurus.ts';
import { Activity, User, type UserInput, type UserPatch } from '../../domain/schemas/user.ts';
import { checkedQuery, get, write } from './client.ts';
import { queryKeys } from './hooks.ts';

/** Most entries the activity screen loads at once: the API's own maximum page. */
export const ACTIVITY_PAGE = 500;

const keys = {
  users: ['settings', 'users'] as const,
  activity: (targetId: string) => ['settings', 'activity', targetId] as const,
  orphaned: ['settings', 'orphaned'] as const,
};

/** Every account (admin). */
export const useUsers = () =>
  useQuery<User[]>({ queryKey: keys.users, queryFn: ({ signal }) => get(z.array(User), '/users', signal) });

/** Add, change or remove an account; the list is read again afterwards. */
export function useUserWrites() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: keys.users });
  return {
    add: useMutation({ mutationFn: (input: UserInput) => write(User, 'POST', '/users', input), onSuccess }),
    patch: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
        write(User, 'PATCH', `/users/${encodeURIComponent(id)}`, patch),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => write(null, 'DELETE', `/users/${encodeURIComponent(id)}`),
      onSuccess,
    }),
  };
}

/** The newest entries of the activity log (admin), optionally of one record only (the API filters that). */
export const useActivity = (targetId: string) =>
  useQuery<Activity[]>({
    queryKey: keys.activity(targetId),
    queryFn: async ({ signal }) =>
      (
        await get(
          z.object({ items: z.array(Activity) }),
          checkedQuery(ActivityQuery, '/activity', { limit: ACTIVITY_PAGE, targetId: targetId || undefined }),
          signal,
        )
      ).items,
  });

/** Reverts one entity change (editor+); the log is read again, the revert being an entry of its own. */
export function useRevert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (activityId: number) => write(Entity, 'POST', `/activity/${activityId}/revert`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['settings', 'activity'] }),
  });
}

/** Connections whose anchor was lost when their file changed (editor+). */
export const useOrphaned = () =>
  useQuery<ReferenceList>({
    queryKey: keys.orphaned,
    queryFn: ({ signal }) =>
      get(
        ReferenceList,
        checkedQuery(OrphanedReferenceQuery, '/references/orphaned', { limit: 500 }),
        signal,
      ),
  });

/** Deletes one connection (editor+). */
export function useDeleteReference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => write(null, 'DELETE', `/references/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.orphaned }),
  });
}

/** Replaces a thesaurus (admin): its labels and values as the editor holds them. */
export function useSaveThesaurus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ThesaurusInput) =>
      write(Thesaurus, 'PUT', `/thesauri/${encodeURIComponent(input.name)}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.thesauri }),
  });
}
