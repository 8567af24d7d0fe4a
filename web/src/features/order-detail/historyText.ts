import type { HistoryItem } from '../../api/types';
import { i18n } from '../../i18n';
import { humanize } from '../../lib/format';

/** Several names the server has used for one kind of entry. */
const SAME_AS: Record<string, string> = {
  order_placed: 'order_created',
  created: 'order_created',
  note_added: 'note',
  imported: 'order_imported',
  payment_received: 'paid',
  contact_changed: 'contact_updated',
  tickets_resent: 'resend_requested',
  resend: 'resend_requested',
  personalisation_changed: 'personalisation_updated',
  refund_created: 'refund_requested',
  order_cancelled: 'cancelled',
  checked_in: 'ticket_checked_in',
};

export function historyTitle(item: HistoryItem): string {
  const type = SAME_AS[item.type] ?? item.type;
  return i18n.t(`order.history.type.${type}`, { defaultValue: humanize(item.type) });
}

export function actorLabel(item: HistoryItem): string {
  const t = i18n.t.bind(i18n);
  const actor = item.actor;
  if (!actor) return t('order.history.actor.system');
  if (actor.via === 'agent') {
    const name = actor.name || t('order.history.actor.token');
    const how = actor.confirmation
      ? t(`order.history.actor.confirmed.${actor.confirmation}`, { defaultValue: actor.confirmation })
      : null;
    return how ? t('order.history.actor.agentConfirmed', { name, how }) : t('order.history.actor.agent', { name });
  }
  switch (actor.kind) {
    case 'system':
      return actor.name || t('order.history.actor.system');
    case 'customer':
      return actor.name ? t('order.history.actor.namedCustomer', { name: actor.name }) : t('order.history.actor.customer');
    case 'token':
      return actor.name ? t('order.history.actor.namedToken', { name: actor.name }) : t('order.history.actor.token');
    default:
      return actor.name || t('order.history.actor.colleague');
  }
}

/** The name of a field of an entry's data or changes. */
export function historyFieldLabel(field: string): string {
  return i18n.t(`labels.contactField.${field}`, {
    defaultValue: i18n.t(`order.history.field.${field}`, { defaultValue: humanize(field) }),
  });
}

export type Change = { field: string; old: unknown; new: unknown };

export function historyChanges(item: HistoryItem): Change[] {
  const changes = item.data?.changes;
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, { old?: unknown; new?: unknown }>).map(([field, value]) => ({
    field,
    old: value?.old,
    new: value?.new,
  }));
}

export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return i18n.t('order.history.empty');
  if (typeof value === 'boolean') return value ? i18n.t('order.history.yes') : i18n.t('order.history.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
