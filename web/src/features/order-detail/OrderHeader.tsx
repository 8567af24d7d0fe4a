import { Anchor, Badge, Group, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '../../components/icons';
import { Link } from 'react-router-dom';
import type { OrderDetail } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { fullName } from '../../lib/format';
import { useTranslation } from 'react-i18next';
import { OrderActionsMenu } from '../actions/OrderActionsMenu';
import { useSession } from '../auth/SessionContext';

export function OrderHeader({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { date, money } = useSession();
  const due = order.totals.due ?? 0;
  const name = fullName(order.contact.first_name, order.contact.last_name) || order.contact.email;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" mb="lg" gap="md">
      <div style={{ minWidth: 0 }}>
        <Anchor component={Link} to="/orders" size="sm" c="dimmed" underline="hover">
          <Group gap={2} wrap="nowrap">
            <IconChevronLeft size={14} />
            {t('orders.title')}
          </Group>
        </Anchor>
        <Group gap="sm" mt={4} wrap="wrap">
          <Title order={1} size="h2" ff="monospace" data-testid="order-number">
            {order.number}
          </Title>
          <StatusBadge status={order.status} size="lg" data-testid="order-status" />
          {due > 0 && (
            <Badge color="orange" size="lg" variant="filled" radius="sm" data-testid="header-open-amount">
              {t('order.openAmountBadge', { amount: money(due, order.totals.currency) })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {[name, order.event.name, t('order.orderedAt', { date: date(order.created_at) })].filter(Boolean).join(' · ')}
        </Text>
      </div>
      <OrderActionsMenu order={order} />
    </Group>
  );
}
