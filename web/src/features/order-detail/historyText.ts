import type { HistoryItem } from '../../api/types';
import { i18n } from '../../i18n';
import { humanize, paymentMethodLabel } from '../../lib/format';

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

type Money = (minor: number) => string;

interface ChangedTicket {
  ticket_type?: unknown;
  event?: unknown;
}

interface ChangedOperation {
  type?: string;
  old?: ChangedTicket | null;
  new?: ChangedTicket | null;
}

/** A name that the server sends either as a string or as `{id, name}`. */
function nameOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
    return (value as { name: string }).name;
  }
  return i18n.t('order.history.summary.aTicket');
}

function operationText(operation: ChangedOperation): string {
  const t = i18n.t.bind(i18n);
  const before = nameOf(operation.old?.ticket_type);
  const after = nameOf(operation.new?.ticket_type);
  switch (operation.type) {
    case 'swap': {
      const moved = operation.old?.event && operation.new?.event && nameOf(operation.old.event) !== nameOf(operation.new.event);
      return moved
        ? t('order.history.summary.swapMoved', { before, after, event: nameOf(operation.new?.event) })
        : t('order.history.summary.swap', { before, after });
    }
    case 'add':
      return t('order.history.summary.add', { name: after });
    case 'cancel':
      return t('order.history.summary.cancel', { name: before });
    case 'hand_over':
      return t('order.history.summary.handOver', { name: before });
    default:
      return humanize(operation.type ?? 'change');
  }
}

/** Adds up equal operation texts: "added Camping ×2". */
function countedTexts(operations: ChangedOperation[]): string[] {
  const counts = new Map<string, number>();
  for (const operation of operations) {
    const text = operationText(operation);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => (count > 1 ? i18n.t('order.history.summary.times', { text, count }) : text));
}

function signed(minor: number, money: Money): string {
  return minor > 0 ? `+${money(minor)}` : minor < 0 ? `−${money(-minor)}` : money(0);
}

function settlementPart(data: Record<string, unknown>, money: Money): string | null {
  const settlement = data.settlement as { kind?: string; amount?: number } | undefined;
  const amount = typeof settlement?.amount === 'number' ? settlement.amount : null;
  if (settlement?.kind === 'due' && amount !== null) return i18n.t('order.history.summary.due', { amount: money(amount) });
  if (settlement?.kind === 'refund' && amount !== null) return i18n.t('order.history.summary.refunded', { amount: money(amount) });
  if (typeof data.difference === 'number' && data.difference !== 0) return signed(data.difference, money);
  return null;
}

/** One sentence for the history items that carry structured data the generic view cannot show. */
export function historySummary(item: HistoryItem, money: Money): string | null {
  const t = i18n.t.bind(i18n);
  const data = item.data ?? {};
  switch (item.type) {
    case 'order_changed': {
      const operations = Array.isArray(data.operations) ? (data.operations as ChangedOperation[]) : [];
      const parts = [countedTexts(operations).join(', '), settlementPart(data, money)].filter(Boolean);
      return t('order.history.summary.changed', { details: parts.join('; ') || t('order.history.summary.noDetails') });
    }
    case 'payment_recorded': {
      const amount = typeof data.amount === 'number' ? money(data.amount) : null;
      const method = typeof data.method === 'string' ? paymentMethodLabel(data.method) : null;
      const reference = typeof data.reference === 'string' && data.reference ? data.reference : null;
      const received = amount
        ? method
          ? t('order.history.summary.receivedBy', { amount, method })
          : t('order.history.summary.received', { amount })
        : method
          ? t('order.history.summary.paymentReceivedBy', { method })
          : t('order.history.summary.paymentReceived');
      return reference ? t('order.history.summary.withReference', { text: received, reference }) : received;
    }
    case 'due_waived': {
      const reason = typeof data.reason === 'string' && data.reason ? data.reason : null;
      const waived =
        typeof data.amount === 'number'
          ? t('order.history.summary.waived', { amount: money(data.amount) })
          : t('order.history.summary.openAmountWaived');
      return reason ? t('order.history.summary.withReason', { text: waived, reason }) : waived;
    }
    default:
      return null;
  }
}
