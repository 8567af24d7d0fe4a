export interface ActionState {
  enabled: boolean;
  reason: string | null;
  message: string | null;
}

export interface OrderDetail {
  number: string;
  status: string;
  version: number;
  created_at: string;
  contact: { email: string | null; first_name: string | null; last_name: string | null; mobile: string | null; language?: string | null };
  tickets: {
    id: number;
    ticket_type: { id: number; name: string };
    price: number;
    fee: number;
    status: string;
    barcode: string;
    requires_personalisation?: boolean;
    personalisation_missing?: string[];
    checked_in_at?: string | null;
    attendee?: Record<string, string | null> | null;
    change?: ActionState;
  }[];
  event: { id: number; name: string };
  totals: { currency: string; tickets: number; total: number; paid: number; refunded: number; refundable: number; due?: number };
  payments: { method: string }[];
  actions: Record<'resend' | 'personalisation' | 'refund' | 'cancel', ActionState> & {
    change?: ActionState;
    settle?: ActionState;
  };
}

export interface ChangeOptions {
  events: {
    id: number;
    name: string;
    current: boolean;
    ticket_types: { id: number; name: string; price: number; fee: number; available: number }[];
  }[];
}

export interface OrderListItem {
  number: string;
  status: string;
  email: string | null;
  contact_name: string | null;
  payment_method: string | null;
  event_id: number;
  event_name: string;
}
