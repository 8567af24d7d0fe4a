import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '../../components/icons';
import type { ImportSummary } from '../../api/imports';
import { StatusBadge } from '../../components/StatusBadge';
import { fullName, paymentMethodLabel } from '../../lib/format';
import { useSession } from '../auth/SessionContext';

export function ImportFigures({ summary }: { summary: ImportSummary }) {
  const { money } = useSession();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" aria-label="Import summary" role="group">
      <Figure label="Orders" value={summary.orders.toLocaleString()} />
      <Figure label="Tickets" value={summary.tickets.toLocaleString()} />
      <Figure label="Total" value={money(summary.totals.total, summary.currency)} hint={`incl. ${money(summary.totals.fees, summary.currency)} fees`} />
      <Figure
        label="Skipped (already orders)"
        value={summary.skipped_existing.toLocaleString()}
        hint={summary.skipped_tickets ? `${summary.skipped_tickets.toLocaleString()} tickets` : undefined}
      />
    </SimpleGrid>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card padding="md" bg="gray.0" withBorder={false} radius="md">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={650} size="xl" className="tabular" data-testid={`figure-${label.split(' ')[0]!.toLowerCase()}`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function ImportPreview({ summary }: { summary: ImportSummary }) {
  const { money, date } = useSession();
  const currency = summary.currency;
  return (
    <Stack gap="lg">
      <ImportFigures summary={summary} />
      {summary.warnings.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Warnings">
          <List size="sm" spacing={2}>
            {summary.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {summary.totals_by_type.length > 0 && (
        <div>
          <Title order={3} size="h5" mb="xs">
            Per ticket type
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" aria-label="Totals per ticket type" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Ticket type</Table.Th>
                  <Table.Th ta="right">Orders</Table.Th>
                  <Table.Th ta="right">Tickets</Table.Th>
                  <Table.Th ta="right">Fees</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody className="tabular">
                {summary.totals_by_type.map((row) => (
                  <Table.Tr key={`${row.event.id}-${row.ticket_type.id}`}>
                    <Table.Td>{row.event.name}</Table.Td>
                    <Table.Td>{row.ticket_type.name}</Table.Td>
                    <Table.Td ta="right">{row.orders.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{row.tickets.toLocaleString()}</Table.Td>
                    <Table.Td ta="right">{money(row.fees, currency)}</Table.Td>
                    <Table.Td ta="right" fw={500}>
                      {money(row.total, currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot className="tabular">
                <Table.Tr>
                  <Table.Th colSpan={3}>Total</Table.Th>
                  <Table.Th ta="right">{summary.tickets.toLocaleString()}</Table.Th>
                  <Table.Th ta="right">{money(summary.totals.fees, currency)}</Table.Th>
                  <Table.Th ta="right">{money(summary.totals.total, currency)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}
      {summary.sample_orders.length > 0 && (
        <div>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              Sample orders
            </Title>
            <Text size="xs" c="dimmed">
              The first {summary.sample_orders.length} of {summary.orders.toLocaleString()}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" aria-label="Sample orders" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Tickets</Table.Th>
                  <Table.Th>Payment</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.sample_orders.map((order) => (
                  <Table.Tr key={order.order_ref}>
                    <Table.Td>
                      <Text size="sm" ff="monospace" fw={500}>
                        {order.order_ref}
                      </Text>
                      <Text size="xs" c="dimmed">
                        line {order.line}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{fullName(order.first_name, order.last_name) || '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {order.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{order.event.name}</Text>
                      {order.ordered_at && (
                        <Text size="xs" c="dimmed">
                          ordered {date(order.ordered_at, 'date')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {Object.entries(
                          order.tickets.reduce<Record<string, number>>((counts, ticket) => {
                            counts[ticket.ticket_type.name] = (counts[ticket.ticket_type.name] ?? 0) + 1;
                            return counts;
                          }, {}),
                        )
                          .map(([name, count]) => `${count} × ${name}`)
                          .join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{paymentMethodLabel(order.payment_method)}</Text>
                        <StatusBadge status={order.status} size="xs" />
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" className="tabular" fw={500}>
                      {money(order.total, currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      )}
      {summary.orders === 0 && (
        <Badge color="gray" variant="light" size="lg">
          Every order of this file already exists: importing creates nothing.
        </Badge>
      )}
    </Stack>
  );
}
