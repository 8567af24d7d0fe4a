import type { HistoryItem } from '../../api/types';
import { humanize } from '../../lib/format';

const TITLES: Record<string, string> = {
  order_created: 'Order placed',
  order_placed: 'Order placed',
  tickets_sent: 'Tickets sent',
  note_added: 'Note',
  created: 'Order placed',
  order_imported: 'Order imported',
  imported: 'Order imported',
  paid: 'Payment received',
  payment_received: 'Payment received',
  contact_updated: 'Contact data changed',
  contact_changed: 'Contact data changed',
  note: 'Note',
  resend_requested: 'Tickets resent',
  tickets_resent: 'Tickets resent',
  resend: 'Tickets resent',
  email_queued: 'E-mail queued',
  email_sent: 'E-mail sent',
  email_failed: 'E-mail failed',
  personalisation_updated: 'Attendee data changed',
  personalisation_changed: 'Attendee data changed',
  personalisation_link_created: 'Customer link created',
  refund_requested: 'Refund started',
  refund_created: 'Refund started',
  refund_succeeded: 'Refund completed',
  refund_failed: 'Refund failed',
  cancelled: 'Order cancelled',
  order_cancelled: 'Order cancelled',
  ticket_checked_in: 'Ticket checked in',
  checked_in: 'Ticket checked in',
};

export function historyTitle(item: HistoryItem): string {
  return TITLES[item.type] ?? humanize(item.type);
}

const CONFIRMED_BY: Record<string, string> = {
  elicitation: 'confirmed in the agent’s client',
  token: 'confirmed with a preview',
};

export function actorLabel(item: HistoryItem): string {
  const actor = item.actor;
  if (!actor) return 'System';
  if (actor.via === 'agent') {
    const how = actor.confirmation ? `, ${CONFIRMED_BY[actor.confirmation] ?? actor.confirmation}` : '';
    return `${actor.name || 'API token'} via agent${how}`;
  }
  switch (actor.kind) {
    case 'system':
      return actor.name || 'System';
    case 'customer':
      return actor.name ? `${actor.name} (customer)` : 'Customer';
    case 'token':
      return actor.name ? `${actor.name} (API token)` : 'API token';
    default:
      return actor.name || 'A colleague';
  }
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
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
