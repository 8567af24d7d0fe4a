import { humanize } from '../../../lib/format';
import type { AuditEntry } from '../../../api/audit';

const ENTITY_LABELS: Record<AuditEntry['entity'], string> = {
  event: 'Event',
  ticket_type: 'Ticket type',
  organisation: 'Organisation',
  user: 'User',
  token: 'API token',
  invitation: 'Invitation',
};

export function entityLabel(entity: AuditEntry['entity']): string {
  return ENTITY_LABELS[entity] ?? humanize(entity);
}

export function actionLabel(action: string): string {
  return humanize(action);
}

const MONEY_FIELDS = new Set(['price', 'fee']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z$/;

export interface ValueFormat {
  money: (minor: number) => string;
  date: (iso: string) => string;
}

/** A changed value as short text: money, times and field lists readable, other objects as compact JSON. */
export function valueText(field: string, value: unknown, format: ValueFormat): string {
  if (value === null || value === undefined || value === '') return '—';
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return format.money(value);
  if (typeof value === 'string' && ISO_TIME.test(value)) return format.date(value);
  if (field === 'personalisation_fields' && Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value
      .map((item: { label?: string; kind?: string; required?: boolean }) =>
        `${item.label ?? '?'} (${item.kind ?? 'text'}${item.required ? ', required' : ''})`,
      )
      .join(', ');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(', ') || '—';
  return JSON.stringify(value);
}
