import { useEffect, useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrderDetail, SettleMethod } from '../../api/types';
import { useRecordPayment } from '../../api/orderChanges';
import { errorMessage, isApiError } from '../../api/errors';
import { amountInputFormat, currencyDigits, paymentMethodLabel, toMajor, toMinor } from '../../lib/format';
import { formProblem } from '../../lib/formErrors';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';
import { ActionError } from '../actions/ActionError';

const METHODS: SettleMethod[] = ['card', 'ideal', 'bancontact', 'paypal', 'bank_transfer', 'invoice', 'cash'];

export function RecordPaymentDialog({ order, opened, onClose }: { order: OrderDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
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
  const amountFormat = amountInputFormat(currency);
  const methodOptions = METHODS.map((value) => ({ value, label: paymentMethodLabel(value) }));

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
        title: t('openAmount.payment.done'),
        message: t('openAmount.payment.doneText', {
          amount: money(amountMinor, currency),
          method: paymentMethodLabel(method),
          number: order.number,
        }),
      });
      onClose();
    } catch (cause) {
      setError(cause);
      notifications.show({ color: 'red', title: t('openAmount.payment.failed'), message: errorMessage(cause) });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('openAmount.payment.title', { number: order.number })}</Text>} size="md">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('openAmount.payment.intro', { amount: money(due, currency) })}
        </Text>
        <NumberInput
          label={t('openAmount.payment.amount')}
          value={amount}
          onChange={setAmount}
          min={0}
          max={toMajor(due, currency)}
          clampBehavior="none"
          decimalScale={currencyDigits(currency)}
          fixedDecimalScale
          allowNegative={false}
          decimalSeparator={amountFormat.decimalSeparator}
          thousandSeparator={amountFormat.thousandSeparator}
          prefix={amountFormat.prefix}
          error={tooMuch ? t('openAmount.payment.tooMuch', { amount: money(due, currency) }) : fields.amount}
          required
        />
        <Select
          label={t('openAmount.payment.method')}
          placeholder={t('openAmount.payment.methodPlaceholder')}
          data={methodOptions}
          value={method}
          onChange={(value) => setMethod(value as SettleMethod | null)}
          error={fields.method}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('openAmount.payment.reference')}
          description={t('openAmount.payment.referenceHint')}
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          error={fields.reference}
        />
        <ActionError error={Object.keys(fields).length ? null : error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('openAmount.back')}
          </Button>
          <Button onClick={submit} loading={record.isPending} disabled={!method || amountMinor <= 0 || tooMuch}>
            {t('openAmount.payment.submit', { amount: money(amountMinor, currency) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
