import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '../../components/icons';
import type { OrderDetail } from '../../api/types';
import { useCancel } from '../../api/orderActions';
import { errorMessage, isApiError } from '../../api/errors';
import { currencyDigits, currencySymbol, toMajor, toMinor } from '../../lib/format';
import { useSession } from '../auth/SessionContext';
import { ActionError } from './ActionError';
import { TicketSummaryList } from './TicketSummaryList';

export function CancelDialog({ order, opened, onClose, onClosed }: {
  order: OrderDetail;
  opened: boolean;
  onClose: () => void;
  onClosed?: () => void;
}) {
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
        title: `Order ${order.number} cancelled`,
        message:
          paid && amountMinor > 0
            ? `${money(amountMinor, currency)} is being refunded.`
            : 'Its tickets can no longer be used.',
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: 'Not cancelled', message: errorMessage(cause) });
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onClosed}
      title={<Text fw={650}>Cancel order {order.number}</Text>}
      size="lg"
    >
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {valid.length > 0
            ? `${valid.length} valid ${valid.length === 1 ? 'ticket becomes' : 'tickets become'} cancelled and will be rejected at check-in. This cannot be undone.`
            : 'The order becomes cancelled. This cannot be undone.'}
        </Alert>
        <div>
          <Text size="sm" fw={600} mb={6}>
            Order contents
          </Text>
          <TicketSummaryList tickets={order.tickets} currency={currency} showStatus label="Order contents" />
          <Group justify="space-between" mt="xs">
            <Text size="sm" c="dimmed">
              Total
            </Text>
            <Text size="sm" fw={600} className="tabular">
              {money(order.totals.total, currency)}
            </Text>
          </Group>
        </div>
        {paid && (
          <NumberInput
            label="Refund amount"
            description={`Default: ${money(defaultRefund, currency)} of ${money(refundable, currency)} refundable. Keep part as a cancellation fee, or enter 0 to refund nothing.`}
            value={amount}
            onChange={setAmount}
            min={0}
            max={toMajor(refundable, currency)}
            clampBehavior="none"
            decimalScale={currencyDigits(currency)}
            fixedDecimalScale
            allowNegative={false}
            thousandSeparator=","
            prefix={`${currencySymbol(currency)} `}
            error={tooMuch ? `You can refund at most ${money(refundable, currency)}.` : undefined}
          />
        )}
        <Switch
          label="Notify the customer by e-mail"
          description={order.contact.email ? `A cancellation e-mail goes to ${order.contact.email}.` : 'This order has no e-mail address.'}
          checked={notify}
          onChange={(event) => setNotify(event.currentTarget.checked)}
        />
        <ActionError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep order
          </Button>
          <Button color="red" onClick={confirm} loading={cancel.isPending} disabled={tooMuch || amount === ''}>
            {paid ? `Cancel and refund ${money(amountMinor, currency)}` : 'Cancel order'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
