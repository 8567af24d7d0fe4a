import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCash } from '../../components/icons';
import type { OrderDetail } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';
import { RecordPaymentDialog } from './RecordPaymentDialog';
import { WaiveDialog } from './WaiveDialog';

/** What the customer still owes after a change raised the price, and how finance settles it. */
export function OpenAmountPanel({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { money } = useSession();
  const [dialog, setDialog] = useState<'payment' | 'waive' | null>(null);
  const due = order.totals.due ?? 0;
  if (due <= 0) return null;
  const settle = order.actions.settle;

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconCash size={18} />}
      title={t('openAmount.title', { amount: money(due, order.totals.currency) })}
      data-testid="open-amount"
      mb="md"
    >
      <Text size="sm">{t('openAmount.text')}</Text>
      {settle?.enabled ? (
        <Group gap="xs" mt="sm">
          <Button size="xs" onClick={() => setDialog('payment')}>
            {t('openAmount.recordPayment')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDialog('waive')}>
            {t('openAmount.waive')}
          </Button>
        </Group>
      ) : (
        settle?.message && (
          <Text size="xs" c="dimmed" mt={4} data-testid="settle-reason">
            {settle.message}
          </Text>
        )
      )}
      <RecordPaymentDialog order={order} opened={dialog === 'payment'} onClose={() => setDialog(null)} />
      <WaiveDialog order={order} opened={dialog === 'waive'} onClose={() => setDialog(null)} />
    </Alert>
  );
}
