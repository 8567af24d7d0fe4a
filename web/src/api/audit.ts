import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Page } from './types';

export interface AuditEntry {
  id: number;
  at: string;
  actor: { kind: 'user' | 'token' | 'system'; id: number | null; name: string | null } | null;
  entity: 'event' | 'ticket_type' | 'organisation' | 'user' | 'token' | 'invitation';
  entity_id: number | null;
  entity_label: string | null;
  action: string;
  changes: Record<string, { old: unknown; new: unknown }> | null;
}

export function useAuditLogQuery(entity: string | null) {
  return useInfiniteQuery({
    queryKey: ['audit-log', entity],
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>('GET', '/api/v1/audit-log', {
        query: { limit: 50, cursor: pageParam, entity },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
