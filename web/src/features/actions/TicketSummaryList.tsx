import { Group, Stack, Text } from '@mantine/core';
import type { Ticket } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { maskBarcode } from '../../lib/format';
import { attendeeName } from '../order-detail/attendee';
import { useSession } from '../auth/SessionContext';

export function TicketSummaryList({ tickets, currency, showStatus = false, label }: {
  tickets: Ticket[];
  currency: string;
  showStatus?: boolean;
  label: string;
}) {
  const { money } = useSession();
  return (
    <Stack gap={6} role="list" aria-label={label}>
      {tickets.map((ticket) => (
        <Group key={ticket.id} justify="space-between" wrap="nowrap" role="listitem" data-ticket-id={ticket.id}>
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {ticket.ticket_type.name}
              {attendeeName(ticket) ? ` · ${attendeeName(ticket)}` : ''}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {maskBarcode(ticket.barcode)}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            {showStatus && <StatusBadge status={ticket.status} kind="ticket" size="sm" />}
            <Text size="sm" className="tabular">
              {money(ticket.price + ticket.fee, currency)}
            </Text>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
