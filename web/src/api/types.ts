export type Role = 'viewer' | 'support' | 'finance' | 'admin';

export interface OrganisationRef {
  slug: string;
  name: string;
  role: Role;
}

/** What a role may do besides the per-order actions; the server lists the caller's in `/api/v1/me`. */
export type Permission =
  | 'orders.read'
  | 'orders.edit'
  | 'orders.refund'
  | 'checkin'
  | 'orders.export'
  | 'reports.read'
  | 'reports.export'
  | 'reports.reconciliation'
  | 'imports'
  | 'settings.events'
  | 'settings.organisation'
  | 'settings.users'
  | 'settings.tokens'
  | 'settings.audit_log';

export interface Me {
  /** `language`: the UI language saved on the account; null for the browser's, absent from older servers. */
  user: { id: number; email: string; name: string; language?: string | null } | null;
  token?: { id: number; name: string } | null;
  organisation: OrganisationRef & { currency: string; time_zone: string };
  organisations: OrganisationRef[];
  permissions: Permission[];
  csrf_token: string;
}

export type OrderStatus = 'pending' | 'paid' | 'partially_refunded' | 'refunded' | 'cancelled';

export type PaymentMethod =
  | 'card'
  | 'ideal'
  | 'bancontact'
  | 'paypal'
  | 'bank_transfer'
  | 'cash'
  | 'invoice'
  | 'free';

export interface OrderListItem {
  number: string;
  status: OrderStatus;
  contact_name: string | null;
  email: string | null;
  event_name: string;
  event_id: number;
  ticket_count: number;
  total: number;
  currency: string;
  payment_method: PaymentMethod | null;
  created_at: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface EventSummary {
  id: number;
  name: string;
  venue: string | null;
  starts_at: string;
  ends_at: string | null;
  archived?: boolean;
}

export interface Contact {
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  mobile: string | null;
  company: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  language: string | null;
  date_of_birth: string | null;
  marketing_opt_in: boolean | null;
}

export type TicketStatus = 'valid' | 'cancelled' | 'refunded';

export interface Ticket {
  id: number;
  ticket_type: { id: number; name: string };
  price: number;
  fee: number;
  /** What refunding this ticket returns under the organisation's refund policy. */
  refund_value?: number;
  /** Whether the ticket can be chosen in a refund now (order detail only). */
  refundable?: boolean;
  status: TicketStatus;
  barcode: string;
  attendee: Record<string, string | null> | null;
  attendee_name?: string | null;
  checked_in_at: string | null;
  requires_personalisation?: boolean;
  personalisation_missing?: string[];
  /** Whether the ticket can be changed now (order detail only). */
  change?: ActionState;
}

export interface Totals {
  currency: string;
  tickets: number;
  fees: number;
  total: number;
  paid: number;
  refunded: number;
  refundable: number;
  pending_refunds?: number;
  /** What the customer still owes after a change raised the price (≥ 0). */
  due?: number;
  /** Open amounts waived so far. */
  waived?: number;
}

export interface Payment {
  id: number;
  method: PaymentMethod;
  provider: string;
  provider_ref: string | null;
  amount: number;
  status: string;
  paid_at: string | null;
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

export interface Refund {
  id: number;
  amount: number;
  status: RefundStatus;
  method: 'provider' | 'manual';
  ticket_ids: number[];
  reason: string | null;
  created_at: string;
  completed_at: string | null;
  provider_ref?: string | null;
  provider?: string | null;
  error?: string | null;
  created_by?: string | null;
  keep_tickets_valid?: boolean;
}

export interface ActionState {
  enabled: boolean;
  reason: string | null;
  message: string | null;
}

export type ActionName = 'resend' | 'personalisation' | 'change' | 'refund' | 'cancel';

export interface OrderDetail {
  number: string;
  status: OrderStatus;
  version: number;
  created_at: string;
  paid_at: string | null;
  source: string | null;
  external_ref: string | null;
  event: EventSummary;
  contact: Contact;
  tickets: Ticket[];
  totals: Totals;
  payments: Payment[];
  refunds: Refund[];
  actions: Record<ActionName, ActionState> & {
    cancel: ActionState & { refund_amount_default?: number };
    /** Record a payment of, or waive, the open amount. */
    settle?: ActionState;
  };
  payment_method?: PaymentMethod | null;
  cancelled_at?: string | null;
  organisation?: { currency: string; time_zone: string };
}

export type SettleMethod = Exclude<PaymentMethod, 'free'>;

export interface ChangeOptionType {
  id: number;
  name: string;
  price: number;
  fee: number;
  /** Capacity left. */
  available: number;
}

export interface ChangeOptionEvent {
  id: number;
  name: string;
  starts_at: string;
  ends_at: string | null;
  /** The order's own event. */
  current: boolean;
  ticket_types: ChangeOptionType[];
}

export interface ChangeOptions {
  events: ChangeOptionEvent[];
}

export type ChangeOperation =
  | { type: 'swap'; ticket_id: number; ticket_type_id: number; price?: number }
  | { type: 'add'; ticket_type_id: number; quantity: number; price?: number }
  | { type: 'cancel'; ticket_id: number }
  | { type: 'hand_over'; ticket_id: number; attendee: Record<string, string | null> };

export type ChangeOperationType = ChangeOperation['type'];

export interface ChangeRequest {
  expected_version: number;
  preview: boolean;
  operations: ChangeOperation[];
  notify_customer?: boolean;
}

export interface ChangeLine {
  ticket_id: number | null;
  ticket_type: { id: number; name: string };
  event: { id: number; name: string };
  price: number;
  fee: number;
  status: TicketStatus;
  operation: ChangeOperationType | null;
  new_barcode: boolean;
  attendee: Record<string, string | null> | null;
}

export interface ChangeSide {
  event: { id: number; name: string; starts_at: string };
  tickets: ChangeLine[];
  total: number;
}

export type SettlementKind = 'none' | 'due' | 'refund';

export interface ChangeResult {
  preview: boolean;
  change_id: number | null;
  before: ChangeSide;
  after: ChangeSide;
  /** after.total − before.total. */
  difference: number;
  settlement: { kind: SettlementKind; amount: number };
  /** The change moves money or sets a price: only finance and admins may confirm it. */
  needs_finance: boolean;
  refund_id: number | null;
  email_id: number | null;
  order?: OrderDetail;
}

export interface HistoryItem {
  id: number;
  type: string;
  at: string;
  actor: {
    kind: 'user' | 'token' | 'customer' | 'system';
    name: string | null;
    /** 'agent': made through the agent interface (MCP). */
    via?: 'agent';
    /** How the person confirmed an agent's change. */
    confirmation?: 'elicitation' | 'token';
  } | null;
  data: Record<string, unknown> | null;
}

export type EmailStatus = 'queued' | 'sending' | 'retrying' | 'sent' | 'failed';

export interface EmailLogItem {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export type FieldKind = 'text' | 'email' | 'date' | 'phone' | 'select';

export interface PersonalisationField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options?: string[] | null;
}

export interface PersonalisationTicket {
  ticket_id: number;
  ticket_type: { id: number; name: string };
  fields: PersonalisationField[];
  values: Record<string, string | null>;
  missing: string[];
  barcode?: string;
}

export interface Personalisation {
  tickets: PersonalisationTicket[];
}

export interface PublicPersonalisation extends Personalisation {
  organisation: { name: string; time_zone?: string };
  order: { number: string };
  event: Partial<EventSummary> & { name: string };
  expires_at?: string;
  /** The customer's language (absent from older servers: the browser's language applies). */
  language?: string | null;
}

export interface PersonalisationLink {
  url: string;
  token: string;
  expires_at: string;
  email_id: number | null;
}
