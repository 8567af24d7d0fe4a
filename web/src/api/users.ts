import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import type { Me, Role } from './types';

export interface User {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  joined_at: string;
  last_seen_at: string | null;
  /** Unrevoked API tokens this person made in this organisation: disabling or removing them revokes these. */
  api_tokens: number;
}

export interface Invitation {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: 'pending' | 'expired' | 'accepted' | 'revoked';
  created_at: string;
  expires_at: string;
  invited_by: { kind: 'user' | 'token'; name: string };
}

/** What the invitation link shows without log-in. */
export interface InvitationView {
  organisation: { name: string; slug: string };
  email: string;
  name: string;
  role: Role;
  invited_by: string;
  expires_at: string;
  /** `existing`: accept as that account; `new`: choose a password. */
  account: 'new' | 'existing';
}

export const usersKey = ['users'] as const;
export const invitationsKey = ['invitations'] as const;

export function useUsersQuery() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api<{ items: User[] }>('GET', '/api/v1/users', { signal }),
  });
}

function useUsersMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey }),
        queryClient.invalidateQueries({ queryKey: invitationsKey }),
      ]),
  });
}

export function useInvitationsQuery() {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: ({ signal }) => api<{ items: Invitation[] }>('GET', '/api/v1/invitations', { signal }),
  });
}

export function useInviteUser() {
  return useUsersMutation((input: { email: string; name?: string; role: Role }) =>
    api<Invitation>('POST', '/api/v1/users', { body: input }),
  );
}

export function useResendInvitation() {
  return useUsersMutation((id: number) => api<Invitation>('POST', `/api/v1/invitations/${id}/resend`));
}

export function useRevokeInvitation() {
  return useUsersMutation((id: number) => api<void>('DELETE', `/api/v1/invitations/${id}`));
}

const acceptPath = (token: string) => `/api/v1/invitations/accept/${encodeURIComponent(token)}`;

export function useInvitationViewQuery(token: string) {
  return useQuery({
    queryKey: ['invitation-link', token],
    queryFn: ({ signal }) =>
      api<InvitationView>('GET', acceptPath(token), { signal, anonymous: true, skipAuthRedirect: true }),
    retry: false,
  });
}

/** Accepts as the logged-in account, or with `password` (a new account's, or the existing account's own). */
export async function acceptInvitation(token: string, body: { password?: string; name?: string }, loggedIn: boolean) {
  const me = await api<Me>('POST', acceptPath(token), { body, skipAuthRedirect: true, anonymous: !loggedIn });
  setCsrfToken(me.csrf_token ?? null);
  return me;
}

export function useUpdateUser() {
  return useUsersMutation(({ id, ...changes }: { id: number; role?: Role; disabled?: boolean }) =>
    api<User>('PATCH', `/api/v1/users/${id}`, { body: changes }),
  );
}

export function useRemoveUser() {
  return useUsersMutation((id: number) => api<void>('DELETE', `/api/v1/users/${id}`));
}

export function changeOwnPassword(current_password: string, new_password: string) {
  return api<void>('POST', '/api/v1/me/password', { body: { current_password, new_password } });
}
