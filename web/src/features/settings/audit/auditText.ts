import { humanize } from '../../../lib/format';
import { i18n } from '../../../i18n';
import type { AuditEntry } from '../../../api/audit';

export function entityLabel(entity: AuditEntry['entity']): string {
  return i18n.t(`audit.entity.${entity}`, { defaultValue: humanize(entity) });
}

export function actionLabel(action: string): string {
  return i18n.t(`audit.action.${action}`, { defaultValue: humanize(action) });
}

/** The name of a changed field: a contact field, an organisation setting, or readable text. */
export function fieldLabel(field: string): string {
  return i18n.t(`audit.field.${field}`, { defaultValue: humanize(field) });
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
    if (value.length === 0) return i18n.t('audit.noFields');
    return value
      .map((item: { label?: string; kind?: string; required?: boolean }) =>
        i18n.t(item.required ? 'audit.fieldRequired' : 'audit.fieldOptional', {
          label: item.label ?? '?',
          kind: i18n.t(`events.fields.kind.${item.kind ?? 'text'}`, { defaultValue: item.kind ?? 'text' }),
        }),
      )
      .join(', ');
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(', ') || '—';
  return JSON.stringify(value);
}
