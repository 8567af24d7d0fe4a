import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Role } from './types';

export interface User {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  joined_at: string;
  last_seen_at: string | null;
}

export interface NewUser extends User {
  new_account: boolean;
  initial_password?: string;
}

export const usersKey = ['users'] as const;

export function useUsersQuery() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api<{ items: User[] }>('GET', '/api/v1/users', { signal }),
  });
}

function useUsersMutation<TVariables, TResult>(run: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}

export function useInviteUser() {
  return useUsersMutation((input: { email: string; name?: string; role: Role }) =>
    api<NewUser>('POST', '/api/v1/users', { body: input }),
  );
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
