import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '../../components/icons';
import type { ImportSummary } from '../../api/imports';
import { StatusBadge } from '../../components/StatusBadge';
import { formatNumber, fullName, paymentMethodLabel } from '../../lib/format';
import { useTranslation } from 'react-i18next';

import { useSession } from '../auth/SessionContext';

export function ImportFigures({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const { money } = useSession();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" aria-label={t('imports.figures.label')} role="group">
      <Figure id="orders" label={t('imports.figures.orders')} value={formatNumber(summary.orders)} />
      <Figure id="tickets" label={t('imports.figures.tickets')} value={formatNumber(summary.tickets)} />
      <Figure
        id="total"
        label={t('imports.figures.total')}
        value={money(summary.totals.total, summary.currency)}
        hint={t('imports.figures.inclFees', { fees: money(summary.totals.fees, summary.currency) })}
      />
      <Figure
        id="skipped"
        label={t('imports.figures.skipped')}
        value={formatNumber(summary.skipped_existing)}
        hint={
          summary.skipped_tickets
            ? t('orders.ticketCount', { count: summary.skipped_tickets, formatted: formatNumber(summary.skipped_tickets) })
            : undefined
        }
      />
    </SimpleGrid>
  );
}

function Figure({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  return (
    <Card padding="md" bg="gray.0" withBorder={false} radius="md">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={650} size="xl" className="tabular" data-testid={`figure-${id}`}>
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
  const { t } = useTranslation();
  const { money, date } = useSession();
  const currency = summary.currency;
  return (
    <Stack gap="lg">
      <ImportFigures summary={summary} />
      {summary.warnings.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('imports.preview.warnings')}>
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
            {t('imports.preview.perType')}
          </Title>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" aria-label={t('imports.preview.perTypeLabel')} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.preview.event')}</Table.Th>
                  <Table.Th>{t('imports.preview.ticketType')}</Table.Th>
                  <Table.Th ta="right">{t('imports.figures.orders')}</Table.Th>
                  <Table.Th ta="right">{t('imports.figures.tickets')}</Table.Th>
                  <Table.Th ta="right">{t('imports.preview.fees')}</Table.Th>
                  <Table.Th ta="right">{t('imports.figures.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody className="tabular">
                {summary.totals_by_type.map((row) => (
                  <Table.Tr key={`${row.event.id}-${row.ticket_type.id}`}>
                    <Table.Td>{row.event.name}</Table.Td>
                    <Table.Td>{row.ticket_type.name}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.orders)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.tickets)}</Table.Td>
                    <Table.Td ta="right">{money(row.fees, currency)}</Table.Td>
                    <Table.Td ta="right" fw={500}>
                      {money(row.total, currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot className="tabular">
                <Table.Tr>
                  <Table.Th colSpan={3}>{t('imports.figures.total')}</Table.Th>
                  <Table.Th ta="right">{formatNumber(summary.tickets)}</Table.Th>
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
              {t('imports.preview.samples')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('imports.preview.firstOf', { shown: summary.sample_orders.length, count: formatNumber(summary.orders) })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" aria-label={t('imports.preview.samples')} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.preview.reference')}</Table.Th>
                  <Table.Th>{t('orders.columns.customer')}</Table.Th>
                  <Table.Th>{t('orders.columns.event')}</Table.Th>
                  <Table.Th>{t('orders.columns.tickets')}</Table.Th>
                  <Table.Th>{t('orders.columns.payment')}</Table.Th>
                  <Table.Th ta="right">{t('orders.columns.total')}</Table.Th>
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
                        {t('imports.preview.line', { line: order.line })}
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
                          {t('imports.preview.ordered', { date: date(order.ordered_at, 'date') })}
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
          {t('imports.preview.nothingNew')}
        </Badge>
      )}
    </Stack>
  );
}
