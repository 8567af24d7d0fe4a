import type { ChangeOperation, Ticket } from '../../api/types';
import { toMinor } from '../../lib/format';

/** What happens to one ticket. Prices are typed amounts in major units; empty means the type's price. */
export type TicketPlan =
  | { kind: 'keep' }
  | { kind: 'swap'; ticketTypeId: number | null; price: number | string }
  | { kind: 'cancel' }
  | { kind: 'hand_over'; attendee: Record<string, string> };

export type PlanKind = TicketPlan['kind'];

export interface Addition {
  key: string;
  ticketTypeId: number | null;
  quantity: number | string;
  price: number | string;
}

export interface ChangeDraft {
  tickets: Record<number, TicketPlan>;
  additions: Addition[];
}

/** Which ticket a change dialog opens with, and what is about to happen to it. */
export interface ChangeStart {
  ticketId: number;
  kind: Exclude<PlanKind, 'keep'>;
}

export function newPlan(kind: PlanKind): TicketPlan {
  switch (kind) {
    case 'swap':
      return { kind, ticketTypeId: null, price: '' };
    case 'hand_over':
      return { kind, attendee: {} };
    default:
      return { kind };
  }
}

export function initialDraft(tickets: Ticket[], start?: ChangeStart | null): ChangeDraft {
  const plans: Record<number, TicketPlan> = {};
  for (const ticket of tickets) plans[ticket.id] = newPlan(ticket.id === start?.ticketId ? start.kind : 'keep');
  return { tickets: plans, additions: [] };
}

/** The key of the row an operation comes from: `ticket:<id>` or `add:<key>`. */
export type RowKey = string;

export const ticketRow = (ticketId: number): RowKey => `ticket:${ticketId}`;
export const additionRow = (addition: Addition): RowKey => `add:${addition.key}`;

export interface BuiltChange {
  operations: ChangeOperation[];
  /** rows[i] is the row that operations[i] came from. */
  rows: RowKey[];
  /** Rows that still need a choice before the change can be reviewed. */
  incomplete: RowKey[];
}

function price(value: number | string, currency: string): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const minor = toMinor(value, currency);
  return Number.isFinite(minor) ? minor : undefined;
}

/** Every field of the ticket type is sent, empty ones as null: nothing of the previous holder stays. */
function attendeeValues(attendee: Record<string, string>, keys: string[]): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const key of keys) values[key] = null;
  for (const [key, value] of Object.entries(attendee)) values[key] = value.trim() || null;
  return values;
}

/**
 * The operations of the request, in the order of the rows. `attendeeKeys` names the personalisation fields
 * of a ticket's type.
 */
export function buildChange(
  draft: ChangeDraft,
  ticketOrder: number[],
  currency: string,
  attendeeKeys: (ticketId: number) => string[] = () => [],
): BuiltChange {
  const built: BuiltChange = { operations: [], rows: [], incomplete: [] };
  const push = (operation: ChangeOperation, row: RowKey) => {
    built.operations.push(operation);
    built.rows.push(row);
  };
  for (const ticketId of ticketOrder) {
    const plan = draft.tickets[ticketId];
    const row = ticketRow(ticketId);
    if (!plan || plan.kind === 'keep') continue;
    if (plan.kind === 'swap') {
      if (plan.ticketTypeId === null) built.incomplete.push(row);
      else push({ type: 'swap', ticket_id: ticketId, ticket_type_id: plan.ticketTypeId, price: price(plan.price, currency) }, row);
    } else if (plan.kind === 'cancel') {
      push({ type: 'cancel', ticket_id: ticketId }, row);
    } else {
      push({ type: 'hand_over', ticket_id: ticketId, attendee: attendeeValues(plan.attendee, attendeeKeys(ticketId)) }, row);
    }
  }
  for (const addition of draft.additions) {
    const row = additionRow(addition);
    const quantity = Number(addition.quantity);
    if (addition.ticketTypeId === null || !Number.isInteger(quantity) || quantity < 1) built.incomplete.push(row);
    else push({ type: 'add', ticket_type_id: addition.ticketTypeId, quantity, price: price(addition.price, currency) }, row);
  }
  return built;
}
