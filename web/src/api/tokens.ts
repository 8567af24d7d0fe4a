import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Role } from './types';

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  prefix: string;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
}

export const tokensKey = ['tokens'] as const;

export function useTokensQuery() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api<{ items: ApiToken[] }>('GET', '/api/v1/tokens', { signal }),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; role: Role }) =>
      api<ApiToken & { token: string }>('POST', '/api/v1/tokens', { body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>('DELETE', `/api/v1/tokens/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
