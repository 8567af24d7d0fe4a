import { Card, Stack, Title } from '@mantine/core';
import type { OrderDetail } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../lib/labels';
import { useSession } from '../auth/SessionContext';
import { DetailRow } from './DetailRow';

export function OrderInfoCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { date } = useSession();
  return (
    <Card component="section" aria-labelledby="order-info-title">
      <Title order={2} size="h4" id="order-info-title" mb="sm">
        {t('order.info.title')}
      </Title>
      <Stack gap={6}>
        <DetailRow label={t('order.info.event')} value={order.event.name} />
        <DetailRow label={t('order.info.starts')} value={date(order.event.starts_at)} />
        {order.event.venue && <DetailRow label={t('order.info.venue')} value={order.event.venue} />}
        <DetailRow label={t('order.info.ordered')} value={date(order.created_at)} />
        <DetailRow label={t('order.info.paid')} value={order.paid_at ? date(order.paid_at) : null} />
        <DetailRow label={t('order.info.source')} value={order.source ? codeLabel('source', order.source) : null} />
        <DetailRow label={t('order.info.reference')} value={order.external_ref} />
        <DetailRow label={t('order.info.version')} value={String(order.version)} />
      </Stack>
    </Card>
  );
}
