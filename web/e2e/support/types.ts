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
  }[];
  totals: { currency: string; tickets: number; total: number; paid: number; refunded: number; refundable: number };
  payments: { method: string }[];
  actions: Record<'resend' | 'personalisation' | 'refund' | 'cancel', ActionState>;
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
