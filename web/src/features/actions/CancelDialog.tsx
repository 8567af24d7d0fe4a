import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '../../components/icons';
import type { OrderDetail } from '../../api/types';
import { useCancel } from '../../api/orderActions';
import { errorMessage, isApiError } from '../../api/errors';
import { amountInputFormat, currencyDigits, toMajor, toMinor } from '../../lib/format';
import { useTranslation } from 'react-i18next';

import { useSession } from '../auth/SessionContext';
import { ActionError } from './ActionError';
import { TicketSummaryList } from './TicketSummaryList';

export function CancelDialog({ order, opened, onClose, onClosed }: {
  order: OrderDetail;
  opened: boolean;
  onClose: () => void;
  onClosed?: () => void;
}) {
  const { t } = useTranslation();
  const { money } = useSession();
  const cancel = useCancel(order.number);
  const currency = order.totals.currency;
  const refundable = order.totals.refundable;
  const defaultRefund = Math.min(order.actions.cancel.refund_amount_default ?? refundable, refundable);
  const valid = order.tickets.filter((ticket) => ticket.status === 'valid');
  const [amount, setAmount] = useState<number | string>(toMajor(defaultRefund, currency));
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [seenVersion, setSeenVersion] = useState(order.version);

  useEffect(() => {
    if (!opened) return;
    setAmount(toMajor(defaultRefund, currency));
    setNotify(true);
    setError(null);
    setSeenVersion(order.version);
  }, [opened]);

  useEffect(() => {
    if (isApiError(error, 'order_changed')) setSeenVersion(order.version);
  }, [order.version, error]);

  const amountMinor = amount === '' ? 0 : toMinor(amount, currency);
  const tooMuch = amountMinor > refundable;
  const paid = refundable > 0;
  const amountFormat = amountInputFormat(currency);

  async function confirm() {
    setError(null);
    try {
      await cancel.mutateAsync({
        expected_version: seenVersion,
        refund_amount: paid ? amountMinor : undefined,
        notify_customer: notify,
      });
      notifications.show({
        color: 'green',
        title: t('actions.cancel.done', { number: order.number }),
        message:
          paid && amountMinor > 0
            ? t('actions.cancel.doneRefund', { amount: money(amountMinor, currency) })
            : t('actions.cancel.doneNoRefund'),
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: t('actions.cancel.notCancelled'), message: errorMessage(cause) });
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onClosed}
      title={<Text fw={650}>{t('actions.cancel.title', { number: order.number })}</Text>}
      size="lg"
    >
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {valid.length > 0 ? t('actions.cancel.warning', { count: valid.length }) : t('actions.cancel.warningEmpty')}
        </Alert>
        <div>
          <Text size="sm" fw={600} mb={6}>
            {t('actions.cancel.contents')}
          </Text>
          <TicketSummaryList tickets={order.tickets} currency={currency} showStatus label={t('actions.cancel.contents')} />
          <Group justify="space-between" mt="xs">
            <Text size="sm" c="dimmed">
              {t('order.totals.total')}
            </Text>
            <Text size="sm" fw={600} className="tabular">
              {money(order.totals.total, currency)}
            </Text>
          </Group>
        </div>
        {paid && (
          <NumberInput
            label={t('actions.cancel.refundAmount')}
            description={t('actions.cancel.refundAmountHint', {
              amount: money(defaultRefund, currency),
              refundable: money(refundable, currency),
            })}
            value={amount}
            onChange={setAmount}
            min={0}
            max={toMajor(refundable, currency)}
            clampBehavior="none"
            decimalScale={currencyDigits(currency)}
            fixedDecimalScale
            allowNegative={false}
            decimalSeparator={amountFormat.decimalSeparator}
            thousandSeparator={amountFormat.thousandSeparator}
            prefix={amountFormat.prefix}
            error={tooMuch ? t('actions.cancel.tooMuch', { amount: money(refundable, currency) }) : undefined}
          />
        )}
        <Switch
          label={t('actions.cancel.notify')}
          description={
            order.contact.email ? t('actions.cancel.notifyTo', { email: order.contact.email }) : t('actions.cancel.noEmail')
          }
          checked={notify}
          onChange={(event) => setNotify(event.currentTarget.checked)}
        />
        <ActionError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('actions.cancel.keep')}
          </Button>
          <Button color="red" onClick={confirm} loading={cancel.isPending} disabled={tooMuch || amount === ''}>
            {paid ? t('actions.cancel.submitRefund', { amount: money(amountMinor, currency) }) : t('actions.cancel.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
