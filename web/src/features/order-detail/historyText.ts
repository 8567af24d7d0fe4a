import type { HistoryItem } from '../../api/types';
import { humanize, paymentMethodLabel } from '../../lib/format';

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
  order_changed: 'Order changed',
  payment_recorded: 'Payment recorded',
  due_waived: 'Open amount waived',
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
  return 'ticket';
}

function operationText(operation: ChangedOperation): string {
  const before = nameOf(operation.old?.ticket_type);
  const after = nameOf(operation.new?.ticket_type);
  switch (operation.type) {
    case 'swap': {
      const moved = operation.old?.event && operation.new?.event && nameOf(operation.old.event) !== nameOf(operation.new.event);
      return moved ? `${before} → ${after} (${nameOf(operation.new?.event)})` : `${before} → ${after}`;
    }
    case 'add':
      return `added ${after}`;
    case 'cancel':
      return `cancelled ${before}`;
    case 'hand_over':
      return `handed over ${before}`;
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
  return [...counts].map(([text, count]) => (count > 1 ? `${text} ×${count}` : text));
}

function signed(minor: number, money: Money): string {
  return minor > 0 ? `+${money(minor)}` : minor < 0 ? `−${money(-minor)}` : money(0);
}

function settlementPart(data: Record<string, unknown>, money: Money): string | null {
  const settlement = data.settlement as { kind?: string; amount?: number } | undefined;
  const amount = typeof settlement?.amount === 'number' ? settlement.amount : null;
  if (settlement?.kind === 'due' && amount !== null) return `+${money(amount)} due`;
  if (settlement?.kind === 'refund' && amount !== null) return `${money(amount)} refunded`;
  if (typeof data.difference === 'number' && data.difference !== 0) return signed(data.difference, money);
  return null;
}

/** One sentence for the history items that carry structured data the generic view cannot show. */
export function historySummary(item: HistoryItem, money: Money): string | null {
  const data = item.data ?? {};
  switch (item.type) {
    case 'order_changed': {
      const operations = Array.isArray(data.operations) ? (data.operations as ChangedOperation[]) : [];
      const parts = [countedTexts(operations).join(', '), settlementPart(data, money)].filter(Boolean);
      return `Changed the order: ${parts.join('; ') || 'no details'}`;
    }
    case 'payment_recorded': {
      const amount = typeof data.amount === 'number' ? money(data.amount) : 'A payment';
      const method = typeof data.method === 'string' ? ` by ${paymentMethodLabel(data.method)}` : '';
      const reference = typeof data.reference === 'string' && data.reference ? ` (reference ${data.reference})` : '';
      return `${amount} received${method}${reference}`;
    }
    case 'due_waived': {
      const amount = typeof data.amount === 'number' ? money(data.amount) : 'The open amount';
      const reason = typeof data.reason === 'string' && data.reason ? `: “${data.reason}”` : '';
      return `${amount} waived${reason}`;
    }
    default:
      return null;
  }
}
