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
import { currencyDigits, currencySymbol, fullName, maskBarcode, paymentMethodLabel, toMajor, toMinor } from '../../lib/format';
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
        title: result.status === 'succeeded' ? 'Refund completed' : 'Refund started',
        message: `${money(result.amount ?? amountMinor, currency)} for order ${order.number}.`,
      });
      onClose();
    } catch (cause) {
      setError(cause);
      if (isApiError(cause) && cause.status >= 400 && cause.status < 500) {
        // Nothing was refunded: the next confirmation is a new request.
        setIdempotencyKey(uuid());
      }
      notifications.show({ color: 'red', title: 'Not refunded', message: errorMessage(cause) });
    }
  }

  useEffect(() => {
    if (isApiError(error, 'order_changed')) setSeenVersion(order.version);
  }, [order.version, error]);

  const buyer = fullName(order.contact.first_name, order.contact.last_name) || order.contact.email;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onClosed}
      title={<Text fw={650}>Refund order {order.number}</Text>}
      size="lg"
    >
      <Stack gap="md">
        <Paper withBorder p="sm" radius="md" bg="gray.0">
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              <Text span fw={600}>{buyer}</Text>
              {payment ? ` · paid by ${paymentMethodLabel(payment.method)}` : ''}
            </Text>
            <Text size="sm" className="tabular">
              Paid {money(order.totals.paid, currency)} · refunded {money(order.totals.refunded, currency)}
            </Text>
          </Group>
          <Text size="sm" fw={600} mt={4} data-testid="refundable">
            Refundable: {money(refundable, currency)}
          </Text>
        </Paper>

        <div>
          <Group justify="space-between" mb={6}>
            <Text size="sm" fw={600}>
              Tickets to refund
            </Text>
            <Button variant="subtle" size="compact-xs" onClick={refundEverything}>
              Refund everything
            </Button>
          </Group>
          {refundableTickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              No ticket left to refund; you can still refund an amount.
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
                            incl. {money(refundValue(ticket) - ticket.price, currency)} fee
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
          label="Additional amount"
          description={`On top of the chosen tickets, or alone as a goodwill refund. In total at most ${money(refundable, currency)}.`}
          value={amount}
          onChange={setAmount}
          min={0}
          clampBehavior="none"
          decimalScale={currencyDigits(currency)}
          fixedDecimalScale
          allowNegative={false}
          thousandSeparator=","
          prefix={`${currencySymbol(currency)} `}
          placeholder={`${currencySymbol(currency)} 0.00`}
          error={tooMuch ? `In total you can refund at most ${money(refundable, currency)}.` : undefined}
        />
        <Textarea
          label="Reason"
          placeholder="For example: customer cannot attend, duplicate order"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {selected.length > 0 && (
          <Checkbox
            label="Keep the refunded tickets valid (goodwill refund)"
            checked={keepValid}
            onChange={(event) => setKeepValid(event.currentTarget.checked)}
          />
        )}

        <Divider />
        <Paper withBorder p="sm" radius="md" aria-label="Refund summary" role="region">
          <Text size="sm" fw={600}>
            Summary
          </Text>
          <Text size="sm" mt={4} data-testid="refund-summary">
            Refund <b>{money(amountMinor, currency)}</b>
            {selectedTickets.length > 0 && extraMinor > 0
              ? ` (tickets ${money(ticketsMinor, currency)} + ${money(extraMinor, currency)})`
              : ''}{' '}
            of order <b>{order.number}</b> to {buyer}
            {payment ? ` (${paymentMethodLabel(payment.method)})` : ''}.{' '}
            {selectedTickets.length === 0
              ? 'No ticket changes.'
              : keepValid
                ? `${selectedTickets.length} ${selectedTickets.length === 1 ? 'ticket stays' : 'tickets stay'} valid.`
                : `${selectedTickets.map((t) => t.ticket_type.name).join(', ')} ${selectedTickets.length === 1 ? 'becomes' : 'become'} refunded and can no longer be used.`}
          </Text>
          {changedWhileOpen && !error && (
            <Text size="xs" c="orange.8" mt={4}>
              This order changed since you opened this dialog.
            </Text>
          )}
        </Paper>

        <ActionError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Back
          </Button>
          <Button color="red" onClick={confirm} disabled={!ready} loading={refund.isPending}>
            Refund {money(amountMinor, currency)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
