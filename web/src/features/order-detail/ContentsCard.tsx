import { useRef, useState } from 'react';
import { Badge, Card, Divider, Group, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import type { OrderDetail } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { maskBarcode } from '../../lib/format';
import { useSession } from '../auth/SessionContext';
import { useTranslation } from 'react-i18next';
import { ChangeDialog } from '../changes/ChangeDialog';
import { TicketChangeMenu } from '../changes/TicketChangeMenu';
import type { ChangeStart } from '../changes/changeDraft';
import { attendeeName } from './attendee';

export function ContentsCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { money, date } = useSession();
  const currency = order.totals.currency;
  const totals = order.totals;
  const changeable = order.tickets.some((ticket) => ticket.change);
  const [start, setStart] = useState<ChangeStart | null>(null);
  const [changing, setChanging] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const change = (ticketId: number) => (kind: ChangeStart['kind'], button: HTMLButtonElement | null) => {
    trigger.current = button;
    setStart({ ticketId, kind });
    setChanging(true);
  };

  return (
    <Card component="section" aria-labelledby="contents-title" padding={0}>
      <Group justify="space-between" p="lg" pb="sm">
        <Title order={2} size="h4" id="contents-title">
          {t('order.contents.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('orders.ticketCount', { count: order.tickets.length })}
        </Text>
      </Group>
      <Stack gap={0} hiddenFrom="sm" role="list" aria-label={t('order.contents.tickets')}>
        {order.tickets.map((ticket) => (
          <Group
            key={ticket.id}
            role="listitem"
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            px="lg"
            py="sm"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {ticket.ticket_type.name}
              </Text>
              <Text size="xs" c={attendeeName(ticket) ? undefined : 'dimmed'} truncate>
                {attendeeName(ticket) ?? t('order.contents.notPersonalised')}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {maskBarcode(ticket.barcode)}
              </Text>
            </div>
            <Stack gap={4} align="flex-end">
              <Text size="sm" className="tabular">
                {money(ticket.price, currency)}
              </Text>
              <StatusBadge status={ticket.status} kind="ticket" size="sm" />
              <TicketChangeMenu ticket={ticket} onChoose={change(ticket.id)} />
            </Stack>
          </Group>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={560} visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('order.contents.tickets')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('order.contents.ticket')}</Table.Th>
              <Table.Th>{t('order.contents.attendee')}</Table.Th>
              <Table.Th ta="right">{t('order.contents.price')}</Table.Th>
              <Table.Th>{t('order.contents.status')}</Table.Th>
              {changeable && (
                <Table.Th w={1}>
                  <VisuallyHidden>{t('order.contents.change')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.tickets.map((ticket) => {
              const name = attendeeName(ticket);
              const missing = ticket.personalisation_missing ?? [];
              return (
                <Table.Tr key={ticket.id} data-ticket-id={ticket.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {ticket.ticket_type.name}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace" title={t('order.contents.barcode')}>
                      {maskBarcode(ticket.barcode)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm" c={name ? undefined : 'dimmed'}>
                        {name ?? t('order.contents.notPersonalised')}
                      </Text>
                      {ticket.requires_personalisation && missing.length > 0 && ticket.status === 'valid' && (
                        <Tooltip label={t('order.contents.missingFields', { fields: missing.join(', ') })}>
                          <Badge size="xs" color="orange" variant="light">
                            {t('order.contents.missing', { count: missing.length })}
                          </Badge>
                        </Tooltip>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    <Text size="sm">{money(ticket.price, currency)}</Text>
                    {ticket.fee > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('order.contents.plusFee', { fee: money(ticket.fee, currency) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={ticket.status} kind="ticket" />
                    {ticket.checked_in_at && (
                      <Text size="xs" c="dimmed" mt={2}>
                        {t('order.contents.checkedIn', { date: date(ticket.checked_in_at, 'short') })}
                      </Text>
                    )}
                  </Table.Td>
                  {changeable && (
                    <Table.Td ta="right">
                      <TicketChangeMenu ticket={ticket} onChoose={change(ticket.id)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Divider />
      <Stack gap={6} p="lg" ml="auto" w={{ base: '100%', xs: 320 }} className="tabular" aria-label={t('order.totals.title')}>
        <TotalRow label={t('order.totals.tickets')} value={money(totals.tickets, currency)} />
        <TotalRow label={t('order.totals.fees')} value={money(totals.fees, currency)} />
        <TotalRow label={t('order.totals.total')} value={money(totals.total, currency)} strong />
        <Divider my={4} />
        <TotalRow label={t('order.totals.paid')} value={money(totals.paid, currency)} />
        <TotalRow label={t('order.totals.refunded')} value={totals.refunded ? `− ${money(totals.refunded, currency)}` : money(0, currency)} />
        {Boolean(totals.pending_refunds) && (
          <TotalRow label={t('order.totals.refundPending')} value={money(totals.pending_refunds ?? 0, currency)} />
        )}
        <TotalRow label={t('order.totals.refundable')} value={money(totals.refundable, currency)} strong testId="total-refundable" />
        {Boolean(totals.waived) && <TotalRow label={t('order.totals.waived')} value={money(totals.waived ?? 0, currency)} />}
        {Boolean(totals.due) && (
          <TotalRow label={t('order.totals.due')} value={money(totals.due ?? 0, currency)} strong testId="total-due" color="orange.8" />
        )}
      </Stack>
      <ChangeDialog
        order={order}
        opened={changing}
        start={start}
        onClose={() => setChanging(false)}
        onClosed={() => trigger.current?.focus()}
      />
    </Card>
  );
}

function TotalRow({ label, value, strong, testId, color }: {
  label: string;
  value: string;
  strong?: boolean;
  testId?: string;
  color?: string;
}) {
  return (
    <Group justify="space-between" gap="md">
      <Text size="sm" c={color ?? (strong ? undefined : 'dimmed')} fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Text size="sm" c={color} fw={strong ? 600 : undefined} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}
