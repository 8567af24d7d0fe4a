import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';
import type { EmailLogItem, EventSummary, HistoryItem, OrderDetail, OrderListItem, Page } from './types';

export interface OrderFilters {
  q?: string;
  status?: string;
  event_id?: string;
  payment_method?: string;
  from?: string;
  to?: string;
}

export const orderKeys = {
  lists: () => ['orders'] as const,
  list: (filters: OrderFilters) => ['orders', filters] as const,
  all: (number: string) => ['order', number] as const,
  detail: (number: string) => ['order', number, 'detail'] as const,
  history: (number: string) => ['order', number, 'history'] as const,
  emails: (number: string) => ['order', number, 'emails'] as const,
  personalisation: (number: string) => ['order', number, 'personalisation'] as const,
  changeOptions: (number: string) => ['order', number, 'change-options'] as const,
};

const PAGE_SIZE = 50;

export function useOrdersQuery(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<OrderListItem>>('GET', '/api/v1/orders', {
        query: { ...filters, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** A plain download link: the session cookie and `organisation` are enough for the server. */
export function ordersCsvUrl(organisation: string, filters: OrderFilters) {
  return withQuery('/api/v1/orders.csv', { organisation, ...filters });
}

export function orderPath(number: string) {
  return `/api/v1/orders/${encodeURIComponent(number)}`;
}

export function useOrderQuery(number: string) {
  return useQuery({
    queryKey: orderKeys.detail(number),
    queryFn: ({ signal }) => api<OrderDetail>('GET', orderPath(number), { signal }),
    // A provider refund completes moments later: keep looking while one is pending.
    refetchInterval: (query) =>
      query.state.data?.refunds.some((refund) => refund.status === 'pending') ? 2000 : false,
  });
}

export function useOrderHistoryQuery(number: string) {
  return useQuery({
    queryKey: orderKeys.history(number),
    queryFn: ({ signal }) => api<{ items: HistoryItem[] }>('GET', `${orderPath(number)}/history`, { signal }),
  });
}

const IN_FLIGHT = new Set(['queued', 'sending', 'retrying']);

export function useOrderEmailsQuery(number: string) {
  return useQuery({
    queryKey: orderKeys.emails(number),
    queryFn: ({ signal }) => api<{ items: EmailLogItem[] }>('GET', `${orderPath(number)}/emails`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((mail) => IN_FLIGHT.has(mail.status)) ? 2000 : false,
  });
}

/** The events without their counts: enough for a filter, and cheap with many orders. */
export function useEventNamesQuery() {
  return useQuery({
    queryKey: ['events', 'names'],
    queryFn: ({ signal }) =>
      api<{ items: EventSummary[] }>('GET', '/api/v1/events', { query: { counts: false }, signal }),
    staleTime: 5 * 60_000,
  });
}
