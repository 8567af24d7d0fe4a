import { Anchor, Box, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import type { OrderListItem } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { paymentMethodLabel } from '../../lib/format';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';

const COLUMNS = ['order', 'status', 'customer', 'event', 'tickets', 'total', 'payment', 'created'];

export function OrdersTable({ orders, loading }: { orders: OrderListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const { money, date } = useSession();
  const navigate = useNavigate();

  return (
    <>
      <Table.ScrollContainer minWidth={880} visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover={false} aria-label={t('orders.title')}>
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((column) => (
                <Table.Th
                  key={column}
                  ta={column === 'total' || column === 'tickets' ? 'right' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {t(`orders.columns.${column}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading
              ? Array.from({ length: 8 }, (_, row) => (
                  <Table.Tr key={row}>
                    {COLUMNS.map((column) => (
                      <Table.Td key={column}>
                        <Skeleton height={14} my={4} width={column === 'customer' ? '80%' : '60%'} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : orders.map((order) => (
                  <Table.Tr
                    key={order.number}
                    className="row-link"
                    data-order={order.number}
                    onClick={(event) => {
                      if ((event.target as HTMLElement).closest('a')) return;
                      navigate(`/orders/${order.number}`);
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/orders/${order.number}`} fw={600} ff="monospace" c="indigo.7">
                        {order.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={order.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} truncate maw={210}>
                        {order.contact_name || '—'}
                      </Text>
                      <Text size="xs" c="dimmed" truncate maw={210}>
                        {order.email || t('orders.noEmail')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate maw={190}>
                        {order.event_name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {order.ticket_count}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular" fw={500}>
                      {money(order.total, order.currency)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{paymentMethodLabel(order.payment_method)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {date(order.created_at, 'short')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack gap={0} hiddenFrom="sm" aria-label={t('orders.title')}>
        {loading
          ? Array.from({ length: 6 }, (_, row) => (
              <Box key={row} p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Skeleton height={14} width="40%" mb={8} />
                <Skeleton height={12} width="70%" />
              </Box>
            ))
          : orders.map((order) => (
              <Card
                key={order.number}
                component={Link}
                to={`/orders/${order.number}`}
                radius={0}
                withBorder={false}
                padding="sm"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} ff="monospace" c="indigo.7">
                    {order.number}
                  </Text>
                  <Text fw={600} className="tabular">
                    {money(order.total, order.currency)}
                  </Text>
                </Group>
                <Group justify="space-between" wrap="nowrap" mt={4}>
                  <Text size="sm" truncate>
                    {order.contact_name || order.email || '—'}
                  </Text>
                  <StatusBadge status={order.status} size="sm" />
                </Group>
                <Text size="xs" c="dimmed" truncate mt={2}>
                  {order.event_name} · {t('orders.ticketCount', { count: order.ticket_count })} ·{' '}
                  {date(order.created_at, 'short')}
                </Text>
              </Card>
            ))}
      </Stack>
    </>
  );
}
