import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrderDetail, Ticket } from '../../api/types';
import { useRefund } from '../../api/orderActions';
import { errorMessage, isApiError } from '../../api/errors';
import { amountInputFormat, currencyDigits, fullName, maskBarcode, paymentMethodLabel, toMajor, toMinor } from '../../lib/format';
import { Trans, useTranslation } from 'react-i18next';
import { uuid } from '../../lib/uuid';
import { attendeeName } from '../order-detail/attendee';
import { useSession } from '../auth/SessionContext';
import { ActionError } from './ActionError';

const refundValue = (ticket: Ticket) => ticket.refund_value ?? ticket.price;

export function RefundDialog({ order, opened, onClose, onClosed }: {
  order: OrderDetail;
  opened: boolean;
  onClose: () => void;
  onClosed?: () => void;
}) {
  const { t } = useTranslation();
  const { money } = useSession();
  const refund = useRefund(order.number);
  const currency = order.totals.currency;
  const refundable = order.totals.refundable;
  const refundableTickets = order.tickets.filter((ticket) => ticket.refundable);

  const [idempotencyKey, setIdempotencyKey] = useState(uuid);
  const [selected, setSelected] = useState<number[]>([]);
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [keepValid, setKeepValid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [seenVersion, setSeenVersion] = useState(order.version);

  useEffect(() => {
    if (!opened) return;
    setIdempotencyKey(uuid());
    setSelected([]);
    setAmount('');
    setReason('');
    setKeepValid(false);
    setError(null);
    setSeenVersion(order.version);
    // Only a new opening resets the form; a reload of the order must not.
  }, [opened]);

  const extraMinor = amount === '' ? 0 : toMinor(amount, currency);
  const selectedTickets = refundableTickets.filter((ticket) => selected.includes(ticket.id));
  const ticketsMinor = selectedTickets.reduce((total, ticket) => total + refundValue(ticket), 0);
  const amountMinor = ticketsMinor + extraMinor;
  const tooMuch = amountMinor > refundable;
  const ready = amountMinor > 0 && !tooMuch && reason.trim().length > 0;
  const payment = order.payments[0];

  function toggle(ticketId: number, checked: boolean) {
    setSelected((current) => (checked ? [...current, ticketId] : current.filter((id) => id !== ticketId)));
  }

  function refundEverything() {
    setSelected(refundableTickets.map((ticket) => ticket.id));
    const prices = refundableTickets.reduce((total, ticket) => total + refundValue(ticket), 0);
    setAmount(refundable > prices ? toMajor(refundable - prices, currency) : '');
  }

  const changedWhileOpen = order.version !== seenVersion;

  async function confirm() {
    setError(null);
    try {
      const result = await refund.mutateAsync({
        idempotencyKey,
        expected_version: seenVersion,
        ticket_ids: selected.length ? selected : undefined,
        amount: extraMinor > 0 ? extraMinor : undefined,
        reason: reason.trim(),
        keep_tickets_valid: selected.length ? keepValid : undefined,
      });
      notifications.show({
        color: 'green',
        title: result.status === 'succeeded' ? t('actions.refund.completed') : t('actions.refund.started'),
        message: t('actions.refund.doneText', { amount: money(result.amount ?? amountMinor, currency), number: order.number }),
      });
      onClose();
    } catch (cause) {
      setError(cause);
      if (isApiError(cause) && cause.status >= 400 && cause.status < 500) {
        // Nothing was refunded: the next confirmation is a new request.
        setIdempotencyKey(uuid());
      }
      notifications.show({ color: 'red', title: t('actions.refund.notRefunded'), message: errorMessage(cause) });
    }
  }

  useEffect(() => {
    if (isApiError(error, 'order_changed')) setSeenVersion(order.version);
  }, [order.version, error]);

  const buyer = fullName(order.contact.first_name, order.contact.last_name) || order.contact.email;
  const amountFormat = amountInputFormat(currency);
  const effect =
    selectedTickets.length === 0
      ? t('actions.refund.noTicketChanges')
      : keepValid
        ? t('actions.refund.ticketsStayValid', { count: selectedTickets.length })
        : t('actions.refund.ticketsBecomeRefunded', {
            count: selectedTickets.length,
            tickets: selectedTickets.map((ticket) => ticket.ticket_type.name).join(', '),
          });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onClosed}
      title={<Text fw={650}>{t('actions.refund.title', { number: order.number })}</Text>}
      size="lg"
    >
      <Stack gap="md">
        <Paper withBorder p="sm" radius="md" bg="gray.0">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              <Text span fw={600}>{buyer}</Text>
              {payment ? ` · ${t('actions.refund.paidBy', { method: paymentMethodLabel(payment.method) })}` : ''}
            </Text>
            <Text size="sm" className="tabular">
              {t('actions.refund.paidAndRefunded', {
                paid: money(order.totals.paid, currency),
                refunded: money(order.totals.refunded, currency),
              })}
            </Text>
          </Group>
          <Text size="sm" fw={600} mt={4} data-testid="refundable">
            {t('actions.refund.refundable', { amount: money(refundable, currency) })}
          </Text>
        </Paper>

        <div>
          <Group justify="space-between" mb={6}>
            <Text size="sm" fw={600}>
              {t('actions.refund.tickets')}
            </Text>
            <Button variant="subtle" size="compact-xs" onClick={refundEverything}>
              {t('actions.refund.everything')}
            </Button>
          </Group>
          {refundableTickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('actions.refund.noTickets')}
            </Text>
          ) : (
            <Stack gap={6}>
              {refundableTickets.map((ticket) => (
                <Checkbox
                  key={ticket.id}
                  checked={selected.includes(ticket.id)}
                  onChange={(event) => toggle(ticket.id, event.currentTarget.checked)}
                  wrapperProps={{ 'data-ticket-id': ticket.id }}
                  label={
                    <Group justify="space-between" wrap="nowrap" gap="md" w="100%">
                      <span>
                        {ticket.ticket_type.name}
                        {attendeeName(ticket) ? ` · ${attendeeName(ticket)}` : ''}{' '}
                        <Text span size="xs" c="dimmed" ff="monospace">
                          {maskBarcode(ticket.barcode)}
                        </Text>
                      </span>
                      <Text span size="sm" className="tabular" ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {money(refundValue(ticket), currency)}
                        {refundValue(ticket) > ticket.price && (
                          <Text span size="xs" c="dimmed" display="block">
                            {t('actions.refund.inclFee', { fee: money(refundValue(ticket) - ticket.price, currency) })}
                          </Text>
                        )}
                      </Text>
                    </Group>
                  }
                  styles={{ body: { width: '100%' }, labelWrapper: { width: '100%' } }}
                />
              ))}
            </Stack>
          )}
        </div>

        <NumberInput
          label={t('actions.refund.extra')}
          description={t('actions.refund.extraHint', { amount: money(refundable, currency) })}
          value={amount}
          onChange={setAmount}
          min={0}
          clampBehavior="none"
          decimalScale={currencyDigits(currency)}
          fixedDecimalScale
          allowNegative={false}
          decimalSeparator={amountFormat.decimalSeparator}
          thousandSeparator={amountFormat.thousandSeparator}
          prefix={amountFormat.prefix}
          placeholder={amountFormat.placeholder}
          error={tooMuch ? t('actions.refund.tooMuch', { amount: money(refundable, currency) }) : undefined}
        />
        <Textarea
          label={t('actions.refund.reason')}
          placeholder={t('actions.refund.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {selected.length > 0 && (
          <Checkbox
            label={t('actions.refund.keepValid')}
            checked={keepValid}
            onChange={(event) => setKeepValid(event.currentTarget.checked)}
          />
        )}

        <Divider />
        <Paper withBorder p="sm" radius="md" aria-label={t('actions.refund.summaryLabel')} role="region">
          <Text size="sm" fw={600}>
            {t('actions.refund.summary')}
          </Text>
          <Text size="sm" mt={4} data-testid="refund-summary">
            <Trans
              i18nKey="actions.refund.summaryText"
              values={{
                amount: money(amountMinor, currency),
                breakdown:
                  selectedTickets.length > 0 && extraMinor > 0
                    ? ` ${t('actions.refund.breakdown', { tickets: money(ticketsMinor, currency), extra: money(extraMinor, currency) })}`
                    : '',
                number: order.number,
                buyer,
                method: payment ? ` (${paymentMethodLabel(payment.method)})` : '',
                effect,
              }}
              components={{ b: <b /> }}
            />
          </Text>
          {changedWhileOpen && !error && (
            <Text size="xs" c="orange.8" mt={4}>
              {t('actions.refund.changedWhileOpen')}
            </Text>
          )}
        </Paper>

        <ActionError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.back')}
          </Button>
          <Button color="red" onClick={confirm} disabled={!ready} loading={refund.isPending}>
            {t('actions.refund.submit', { amount: money(amountMinor, currency) })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
