import { Card, Stack, Title } from '@mantine/core';
import type { OrderDetail } from '../../api/types';
import { humanize } from '../../lib/format';
import { useSession } from '../auth/SessionContext';
import { DetailRow } from './DetailRow';

export function OrderInfoCard({ order }: { order: OrderDetail }) {
  const { date } = useSession();
  return (
    <Card component="section" aria-labelledby="order-info-title">
      <Title order={2} size="h4" id="order-info-title" mb="sm">
        Order
      </Title>
      <Stack gap={6}>
        <DetailRow label="Event" value={order.event.name} />
        <DetailRow label="Starts" value={date(order.event.starts_at)} />
        {order.event.venue && <DetailRow label="Venue" value={order.event.venue} />}
        <DetailRow label="Ordered" value={date(order.created_at)} />
        <DetailRow label="Paid" value={order.paid_at ? date(order.paid_at) : null} />
        <DetailRow label="Source" value={order.source ? humanize(order.source) : null} />
        <DetailRow label="Reference" value={order.external_ref} />
        <DetailRow label="Version" value={String(order.version)} />
      </Stack>
    </Card>
  );
}
