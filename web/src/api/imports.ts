import { api } from './client';

export interface ImportRowError {
  line: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportJob {
  id: number | string;
  status: string;
  errors?: ImportRowError[];
  preview?: { orders?: number; tickets?: number; total?: number; skipped?: number; currency?: string } | null;
  progress?: { done?: number; total?: number } | number | null;
  created_orders?: number;
}

export function uploadImport(csv: File, sendTickets: boolean): Promise<ImportJob> {
  return api<ImportJob>('POST', '/api/v1/imports', {
    rawBody: csv,
    contentType: 'text/csv',
    query: { send_tickets: sendTickets ? 'true' : undefined },
  });
}

export function fetchImport(id: ImportJob['id']): Promise<ImportJob> {
  return api<ImportJob>('GET', `/api/v1/imports/${id}`);
}

export function commitImport(id: ImportJob['id'], sendTickets: boolean): Promise<ImportJob> {
  return api<ImportJob>('POST', `/api/v1/imports/${id}/commit`, { body: { send_tickets: sendTickets } });
}
