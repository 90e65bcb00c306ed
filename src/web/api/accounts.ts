import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  PasswordResetLink,
  PasswordResetStatus,
  User,
  type UserInput,
  type UserPatch,
} from '../../domain/schemas/user.ts';
import { get, write } from './client.ts';

const key = ['settings', 'users'] as const;

/** Every account (admin). */
export const useUsers = () =>
  useQuery<User[]>({ queryKey: key, queryFn: ({ signal }) => get(z.array(User), '/users', signal) });

/** Add, change (role, disabled) or remove an account, or issue a reset link; the list is read again afterwards. */
export function useUserWrites() {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: key });
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
    resetLink: useMutation({
      mutationFn: (id: string) =>
        write(PasswordResetLink, 'POST', `/users/${encodeURIComponent(id)}/reset-link`),
      onSuccess,
    }),
  };
}

/** The web app's page for a reset link: the token in the fragment, which no server log or Referer keeps. */
export const resetLinkUrl = (token: string, language: string) =>
  `${window.location.origin}/${language}/reset-password#${token}`;

/** Whether a reset link still works, and for whom (anyone holding it). */
export const useResetLinkStatus = (token: string) =>
  useQuery<PasswordResetStatus>({
    queryKey: ['password-reset', token],
    queryFn: () => write(PasswordResetStatus, 'POST', '/password-reset/check', { token }),
    enabled: token.length > 0,
    retry: false,
  });

/** Sets the new password through a reset link. */
export const useResetPassword = () =>
  useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      write(z.object({ username: z.string() }), 'POST', '/password-reset', input),
  });
