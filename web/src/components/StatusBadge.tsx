import { Badge, type BadgeProps } from '@mantine/core';
import { codeLabel, type LabelGroup } from '../lib/labels';

const ORDER_COLORS: Record<string, string> = {
  pending: 'yellow',
  paid: 'green',
  partially_refunded: 'orange',
  refunded: 'gray',
  cancelled: 'red',
};

const TICKET_COLORS: Record<string, string> = { valid: 'green', cancelled: 'red', refunded: 'gray' };

const REFUND_COLORS: Record<string, string> = { pending: 'yellow', succeeded: 'green', failed: 'red' };

const EMAIL_COLORS: Record<string, string> = {
  queued: 'gray',
  sending: 'blue',
  retrying: 'yellow',
  sent: 'green',
  failed: 'red',
};

const PALETTES = { order: ORDER_COLORS, ticket: TICKET_COLORS, refund: REFUND_COLORS, email: EMAIL_COLORS };
const LABELS: Record<keyof typeof PALETTES, LabelGroup> = {
  order: 'orderStatus',
  ticket: 'ticketStatus',
  refund: 'refundStatus',
  email: 'emailStatus',
};

export function StatusBadge({
  status,
  kind = 'order',
  ...props
}: { status: string; kind?: keyof typeof PALETTES } & Omit<BadgeProps, 'color' | 'children'>) {
  const color = PALETTES[kind][status] ?? 'gray';
  return (
    <Badge color={color} variant="light" radius="sm" data-status={status} style={{ flexShrink: 0, maxWidth: 'none', overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }} {...props}>
      {codeLabel(LABELS[kind], status)}
    </Badge>
  );
}
