import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Role, SessionInfo } from '../../domain/schemas/index.ts';
import { getSession, write } from './client.ts';

const SESSION_KEY = ['session'] as const;

/** Who is signed in (null user: an anonymous reader). */
export const useSession = () =>
  useQuery<SessionInfo>({ queryKey: SESSION_KEY, queryFn: getSession, staleTime: 5 * 60_000 });

const RANK: Record<Role, number> = { collaborator: 1, editor: 2, admin: 3 };

/** Whether the signed-in user has at least `role` (collaborators connect, editors delete). */
export function useCan(role: Role): boolean {
  const user = useSession().data?.user;
  return Boolean(user && RANK[user.role] >= RANK[role]);
}

/**
 * Sign in and out. Afterwards every cached query is dropped: what a reader may see (unpublished entities,
 * connections) depends on who they are.
 */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      write(SessionInfo, 'POST', '/session', input),
    onSuccess: async (session) => {
      client.clear();
      client.setQueryData(SESSION_KEY, session);
      await getSession();
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => write(null, 'DELETE', '/session'),
    onSuccess: () => {
      client.clear();
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
