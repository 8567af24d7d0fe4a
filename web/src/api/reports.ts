import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';

export type RevenueGrouping = 'day' | 'event' | 'ticket_type' | 'payment_method';

export interface RevenueFigures {
  gross: number;
  refunds: number;
  net: number;
  fees: number;
  tickets_sold: number;
  tickets_cancelled: number;
  tickets_refunded: number;
  tickets_checked_in: number;
}

export interface RevenueReport {
  currency: string;
  time_zone: string;
  from: string;
  to: string;
  group_by: RevenueGrouping;
  totals: RevenueFigures;
  groups: (RevenueFigures & { key: string; label: string })[];
}

export interface Period {
  from: string;
  to: string;
}

export function useRevenueQuery(period: Period, groupBy: RevenueGrouping) {
  return useQuery({
    queryKey: ['reports', 'revenue', period.from, period.to, groupBy],
    queryFn: ({ signal }) =>
      api<RevenueReport>('GET', '/api/v1/reports/revenue', { query: { ...period, group_by: groupBy }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function revenueCsvUrl(organisation: string, period: Period, groupBy: RevenueGrouping) {
  return withQuery('/api/v1/reports/revenue.csv', { organisation, ...period, group_by: groupBy });
}

export type Provider = 'stripe' | 'mollie' | 'demo' | 'manual' | 'none';

export interface ProviderTotals {
  payments_in: number;
  payments_count: number;
  refunds_out: number;
  refunds_count: number;
  net: number;
}

export interface ReconciliationException {
  kind: string;
  subject: 'refund' | 'payment' | 'order';
  id: number | null;
  order_number: string;
  provider: string | null;
  provider_ref: string | null;
  method: string | null;
  amount: number;
  at: string | null;
  message: string;
}

export interface LedgerItem {
  kind: 'payment' | 'refund';
  id: number;
  order_number: string;
  provider: string;
  provider_ref: string | null;
  method: string | null;
  amount: number;
  status: string;
  created_at: string;
  completed_at: string | null;
  reason?: string | null;
  error?: string | null;
}

export interface ReconciliationReport {
  currency: string;
  time_zone: string;
  from: string;
  to: string;
  provider: Provider | null;
  totals: ProviderTotals;
  by_provider: (ProviderTotals & { provider: string; method: string })[];
  exceptions: ReconciliationException[];
  exception_counts: Record<string, number>;
  items: LedgerItem[];
  next_cursor: string | null;
}

export function useReconciliationQuery(period: Period, provider: Provider | null) {
  return useInfiniteQuery({
    queryKey: ['reports', 'reconciliation', period.from, period.to, provider],
    queryFn: ({ pageParam, signal }) =>
      api<ReconciliationReport>('GET', '/api/v1/reports/reconciliation', {
        query: { ...period, provider, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function reconciliationCsvUrl(organisation: string, period: Period, provider: Provider | null) {
  return withQuery('/api/v1/reports/reconciliation.csv', { organisation, ...period, provider });
}
