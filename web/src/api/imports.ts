import { useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';

export type ImportStatus = 'validating' | 'invalid' | 'ready' | 'committing' | 'committed' | 'failed';

export interface ImportRowError {
  line: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface NamedRef {
  id: number;
  name: string;
}

export interface ImportTotals {
  price: number;
  fees: number;
  total: number;
}

export interface ImportTypeTotals extends ImportTotals {
  event: NamedRef;
  ticket_type: NamedRef;
  orders: number;
  tickets: number;
}

export interface ImportSampleOrder {
  order_ref: string;
  line: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  event: NamedRef;
  payment_method: string;
  status: string;
  ordered_at: string | null;
  tickets: { line: number; ticket_type: NamedRef; price: number; fee: number }[];
  price: number;
  fees: number;
  total: number;
}

export interface ImportSummary {
  currency: string;
  rows: number;
  orders: number;
  tickets: number;
  skipped_existing: number;
  skipped_tickets: number;
  totals: ImportTotals;
  totals_by_type: ImportTypeTotals[];
  sample_orders: ImportSampleOrder[];
  warnings: string[];
}

export interface ImportJob {
  id: number;
  status: ImportStatus;
  file_name: string | null;
  size: number;
  send_emails: boolean;
  created_at: string;
  created_by: string | null;
  committed_at: string | null;
  committed_by: string | null;
  message: string | null;
  progress: { done: number; total: number; phase: string } | null;
  summary: ImportSummary | null;
  errors?: ImportRowError[];
  error_count: number;
  created_orders: string[];
}

export const BUSY_STATUSES = new Set<ImportStatus>(['validating', 'committing']);

export const importKey = (id: number) => ['imports', id] as const;

export function useImportQuery(id: number | null) {
  return useQuery({
    queryKey: importKey(id ?? 0),
    queryFn: ({ signal }) => api<ImportJob>('GET', `/api/v1/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && BUSY_STATUSES.has(query.state.data.status) ? 700 : false),
    staleTime: 0,
  });
}

export function useImportLimitQuery() {
  return useQuery({
    queryKey: ['imports', 'list'],
    queryFn: ({ signal }) => api<{ items: ImportJob[]; max_bytes: number }>('GET', '/api/v1/imports', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useUploadImport() {
  return useMutation({
    mutationFn: ({ file, sendEmails }: { file: File; sendEmails: boolean }) =>
      api<ImportJob>('POST', '/api/v1/imports', {
        rawBody: file,
        contentType: 'text/csv',
        query: { file_name: file.name, send_emails: sendEmails },
      }),
  });
}

export function useCommitImport() {
  return useMutation({
    mutationFn: ({ id, sendEmails }: { id: number; sendEmails: boolean }) =>
      api<ImportJob>('POST', `/api/v1/imports/${id}/commit`, { body: { send_emails: sendEmails } }),
  });
}

export function importErrorsCsvUrl(organisation: string, id: number) {
  return withQuery(`/api/v1/imports/${id}/errors.csv`, { organisation });
}
