import { useEffect, useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrderDetail, SettleMethod } from '../../api/types';
import { useRecordPayment } from '../../api/orderChanges';
import { errorMessage, isApiError } from '../../api/errors';
import { currencyDigits, currencySymbol, paymentMethodLabel, toMajor, toMinor } from '../../lib/format';
import { formProblem } from '../../lib/formErrors';
import { useSession } from '../auth/SessionContext';
import { ActionError } from '../actions/ActionError';

const METHODS: SettleMethod[] = ['card', 'ideal', 'bancontact', 'paypal', 'bank_transfer', 'invoice', 'cash'];
const METHOD_OPTIONS = METHODS.map((method) => ({ value: method, label: paymentMethodLabel(method) }));

export function RecordPaymentDialog({ order, opened, onClose }: { order: OrderDetail; opened: boolean; onClose: () => void }) {
  const { money } = useSession();
  const record = useRecordPayment(order.number);
  const currency = order.totals.currency;
  const due = order.totals.due ?? 0;
  const [amount, setAmount] = useState<number | string>(toMajor(due, currency));
  const [method, setMethod] = useState<SettleMethod | null>(null);
  const [reference, setReference] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [seenVersion, setSeenVersion] = useState(order.version);

  useEffect(() => {
    if (!opened) return;
    setAmount(toMajor(due, currency));
    setMethod(null);
    setReference('');
    setError(null);
    setSeenVersion(order.version);
  }, [opened]);

  useEffect(() => {
    if (isApiError(error, 'order_changed')) setSeenVersion(order.version);
  }, [order.version, error]);

  const amountMinor = amount === '' ? 0 : toMinor(amount, currency);
  const tooMuch = amountMinor > due;
  const fields = formProblem(error).fields;

  async function submit() {
    if (!method) return;
    setError(null);
    try {
      await record.mutateAsync({
        expected_version: seenVersion,
        amount: amountMinor,
        method,
        reference: reference.trim() || undefined,
      });
      notifications.show({
        color: 'green',
        title: 'Payment recorded',
        message: `${money(amountMinor, currency)} by ${paymentMethodLabel(method)} for order ${order.number}.`,
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: 'Payment not recorded', message: errorMessage(cause) });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>Record a payment for order {order.number}</Text>} size="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Record money the customer paid outside the shop towards the open amount of {money(due, currency)}.
        </Text>
        <NumberInput
          label="Amount"
          value={amount}
          onChange={setAmount}
          min={0}
          max={toMajor(due, currency)}
          clampBehavior="none"
          decimalScale={currencyDigits(currency)}
          fixedDecimalScale
          allowNegative={false}
          thousandSeparator=","
          prefix={`${currencySymbol(currency)} `}
          error={tooMuch ? `At most the open amount of ${money(due, currency)}.` : fields.amount}
          required
        />
        <Select
          label="Method"
          placeholder="How was it paid?"
          data={METHOD_OPTIONS}
          value={method}
          onChange={(value) => setMethod(value as SettleMethod | null)}
          error={fields.method}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Reference"
          description="For example the bank transfer's reference or the receipt number"
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          error={fields.reference}
        />
        <ActionError error={Object.keys(fields).length ? null : error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Back
          </Button>
          <Button onClick={submit} loading={record.isPending} disabled={!method || amountMinor <= 0 || tooMuch}>
            Record {money(amountMinor, currency)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
