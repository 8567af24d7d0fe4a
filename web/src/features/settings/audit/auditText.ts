import { humanize } from '../../../lib/format';
import type { AuditEntry } from '../../../api/audit';

const ENTITY_LABELS: Record<AuditEntry['entity'], string> = {
  event: 'Event',
  ticket_type: 'Ticket type',
  organisation: 'Organisation',
  user: 'User',
  token: 'API token',
};

export function entityLabel(entity: AuditEntry['entity']): string {
  return ENTITY_LABELS[entity] ?? humanize(entity);
}

export function actionLabel(action: string): string {
  return humanize(action);
}

/** A changed value as short text; lists and objects as compact JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(', ') || '—';
  return JSON.stringify(value);
}
