import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { OrderDetail } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { paymentMethodLabel } from '../../lib/format';
import { codeLabel } from '../../lib/labels';
import { useTranslation } from 'react-i18next';

import { useSession } from '../auth/SessionContext';
import { OpenAmountPanel } from '../open-amount/OpenAmountPanel';

export function PaymentsCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { money, date } = useSession();
  const currency = order.totals.currency;
  const ticketNames = new Map(order.tickets.map((ticket) => [ticket.id, ticket.ticket_type.name]));

  return (
    <Card component="section" aria-labelledby="payments-title">
      <Title order={2} size="h4" id="payments-title" mb="sm">
        {t('order.payments.title')}
      </Title>
      <OpenAmountPanel order={order} />
      {order.payments.length === 0 && order.refunds.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('order.payments.none')}
        </Text>
      )}
      <Stack gap="sm">
        {order.payments.map((payment) => (
          <Group key={`p${payment.id}`} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Group gap={6}>
                <Text size="sm" fw={500}>
                  {t('order.payments.payment', { method: paymentMethodLabel(payment.method) })}
                </Text>
                <Badge size="xs" variant="light" color={payment.status === 'paid' || payment.status === 'succeeded' ? 'green' : 'gray'}>
                  {codeLabel('paymentStatus', payment.status)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {codeLabel('provider', payment.provider)}
                {payment.provider_ref ? ` · ${payment.provider_ref}` : ''} · {date(payment.paid_at)}
              </Text>
            </div>
            <Text size="sm" fw={500} className="tabular">
              {money(payment.amount, currency)}
            </Text>
          </Group>
        ))}
        {order.refunds.map((refund) => (
          <Group key={`r${refund.id}`} justify="space-between" wrap="nowrap" align="flex-start" data-refund-id={refund.id}>
            <div style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Text size="sm" fw={500}>
                  {refund.method === 'manual' ? t('order.payments.refundManual') : t('order.payments.refundProvider')}
                </Text>
                <StatusBadge status={refund.status} kind="refund" size="xs" />
              </Group>
              <Text size="xs" c="dimmed">
                {date(refund.created_at)}
                {refund.reason ? ` · “${refund.reason}”` : ''}
              </Text>
              {refund.ticket_ids.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('order.payments.refundTickets', {
                    tickets: refund.ticket_ids.map((id) => ticketNames.get(id) ?? `#${id}`).join(', '),
                  })}
                </Text>
              )}
              {refund.error && (
                <Text size="xs" c="red">
                  {refund.error}
                </Text>
              )}
            </div>
            <Text size="sm" fw={500} className="tabular" c="red.7" style={{ whiteSpace: 'nowrap' }}>
              − {money(refund.amount, currency)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
