import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '../../components/icons';
import type { ChangeOperation, ChangeResult, OrderDetail } from '../../api/types';
import { useChangeOptionsQuery, useConfirmChange, usePreviewChange } from '../../api/orderChanges';
import { useOrderPersonalisationQuery } from '../../api/personalisation';
import { errorMessage, isApiError } from '../../api/errors';
import { uuid } from '../../lib/uuid';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';
import { ActionError } from '../actions/ActionError';
import { AdditionRow } from './AdditionRow';
import { ChangeReview } from './ChangeReview';
import { TicketChangeRow } from './TicketChangeRow';
import {
  additionRow,
  buildChange,
  initialDraft,
  newPlan,
  ticketRow,
  type Addition,
  type ChangeDraft,
  type ChangeStart,
  type RowKey,
  type TicketPlan,
} from './changeDraft';
import { rowProblems } from './rowProblems';
import { doneText } from './settlementText';

interface Sent {
  version: number;
  operations: ChangeOperation[];
  rows: RowKey[];
}

export function ChangeDialog({ order, opened, start, onClose, onClosed }: {
  order: OrderDetail;
  opened: boolean;
  /** The ticket the dialog was opened for, if any. */
  start?: ChangeStart | null;
  onClose: () => void;
  onClosed?: () => void;
}) {
  const { t } = useTranslation();
  const { money, can } = useSession();
  const currency = order.totals.currency;
  const format = (minor: number) => money(minor, currency);
  // Setting a price is for finance; a change that moves money is refused to others at the review (403 needs_finance).
  const canSetPrice = can('orders.refund');
  const options = useChangeOptionsQuery(order.number, opened);
  const personalisation = useOrderPersonalisationQuery(order.number, opened);
  const preview = usePreviewChange(order.number);
  const confirm = useConfirmChange(order.number);
  const valid = order.tickets.filter((ticket) => ticket.status === 'valid');

  const [draft, setDraft] = useState<ChangeDraft>(() => initialDraft(valid, start));
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [result, setResult] = useState<ChangeResult | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [notify, setNotify] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(uuid);
  const nextKey = useRef(1);

  useEffect(() => {
    if (!opened) return;
    setDraft(initialDraft(valid, start));
    setStep('edit');
    setResult(null);
    setSent(null);
    setNotify(true);
    setError(null);
    setIdempotencyKey(uuid());
    // Only a new opening resets the change; a reload of the order must not.
  }, [opened]);

  const fieldsOf = (ticketId: number) =>
    personalisation.data?.tickets.find((ticket) => ticket.ticket_id === ticketId)?.fields;
  const built = buildChange(
    draft,
    valid.map((ticket) => ticket.id),
    currency,
    (ticketId) => (fieldsOf(ticketId) ?? []).map((field) => field.key),
  );
  const problems = sent ? rowProblems(error, sent.operations, sent.rows) : {};

  const setPlan = (ticketId: number, plan: TicketPlan) =>
    setDraft((current) => ({ ...current, tickets: { ...current.tickets, [ticketId]: plan } }));
  const setAddition = (addition: Addition) =>
    setDraft((current) => ({
      ...current,
      additions: current.additions.map((item) => (item.key === addition.key ? addition : item)),
    }));
  const addAddition = () =>
    setDraft((current) => ({
      ...current,
      additions: [...current.additions, { key: String(nextKey.current++), ticketTypeId: null, quantity: 1, price: '' }],
    }));
  const removeAddition = (key: string) =>
    setDraft((current) => ({ ...current, additions: current.additions.filter((item) => item.key !== key) }));

  async function review() {
    const request: Sent = { version: order.version, operations: built.operations, rows: built.rows };
    setError(null);
    setSent(request);
    try {
      const answer = await preview.mutateAsync({ expected_version: request.version, operations: request.operations });
      setResult(answer);
      setStep('review');
    } catch (cause) {
      setError(cause);
    }
  }

  async function confirmChange() {
    if (!sent) return;
    setError(null);
    try {
      const done = await confirm.mutateAsync({
        idempotencyKey,
        expected_version: sent.version,
        operations: sent.operations,
        notify_customer: notify,
      });
      notifications.show({ color: 'green', title: t('changes.done', { number: order.number }), message: doneText(done, notify, format) });
      onClose();
    } catch (cause) {
      setError(cause);
      if (isApiError(cause) && cause.status >= 400 && cause.status < 500) {
        // Nothing was changed: the next confirmation is a new request.
        setIdempotencyKey(uuid());
      }
      // A stale order or a problem of one operation is fixed in the change itself, then reviewed again.
      if (isApiError(cause, 'order_changed') || Object.keys(rowProblems(cause, sent.operations, sent.rows)).length > 0) {
        setStep('edit');
        setResult(null);
      }
      notifications.show({ color: 'red', title: t('changes.notChanged'), message: errorMessage(cause) });
    }
  }

  const nothingYet = built.operations.length === 0 && built.incomplete.length === 0;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      returnFocus={false}
      onExitTransitionEnd={onClosed}
      title={<Text fw={650}>{step === 'edit' ? t('changes.title', { number: order.number }) : t('changes.reviewTitle', { number: order.number })}</Text>}
      size="xl"
    >
      {step === 'edit' ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('changes.intro')}
          </Text>
          <Stack gap="sm" role="list" aria-label={t('changes.ticketsToChange')}>
            {valid.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('changes.noValidTickets')}
              </Text>
            )}
            {valid.map((ticket) => (
              <div role="listitem" key={ticket.id}>
                <TicketChangeRow
                  ticket={ticket}
                  plan={draft.tickets[ticket.id] ?? newPlan('keep')}
                  onPlan={(plan) => setPlan(ticket.id, plan)}
                  events={options.data?.events}
                  eventsLoading={options.isPending}
                  fields={fieldsOf(ticket.id)}
                  fieldsLoading={personalisation.isPending}
                  canSetPrice={canSetPrice}
                  problem={problems[ticketRow(ticket.id)]}
                  currency={currency}
                  highlight={start?.ticketId === ticket.id}
                />
              </div>
            ))}
          </Stack>
          <div>
            <Title order={3} size="h5" mb="xs">
              {t('changes.addTickets')}
            </Title>
            <Stack gap="sm">
              {draft.additions.map((addition, index) => (
                <AdditionRow
                  key={addition.key}
                  addition={addition}
                  position={index + 1}
                  onChange={setAddition}
                  onRemove={() => removeAddition(addition.key)}
                  events={options.data?.events}
                  eventsLoading={options.isPending}
                  canSetPrice={canSetPrice}
                  problem={problems[additionRow(addition)]}
                  currency={currency}
                />
              ))}
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addAddition} style={{ alignSelf: 'flex-start' }}>
                {t('changes.addTickets')}
              </Button>
            </Stack>
          </div>
          {options.isError && <ActionError error={options.error} />}
          <ActionError error={error} />
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed" data-testid="change-hint">
              {nothingYet
                ? t('changes.hint.nothing')
                : built.incomplete.length > 0
                  ? t('changes.hint.chooseType')
                  : t('changes.hint.count', { count: built.operations.length })}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('changes.back')}
              </Button>
              <Button
                onClick={review}
                loading={preview.isPending}
                disabled={built.operations.length === 0 || built.incomplete.length > 0}
              >
                {t('changes.review')}
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : (
        result && (
          <Stack gap="md">
            <ChangeReview result={result} currency={currency} />
            <Checkbox
              label={t('changes.notify')}
              description={
                order.contact.email
                  ? t('changes.notifyTo', { email: order.contact.email })
                  : t('changes.noEmail')
              }
              checked={notify}
              onChange={(event) => setNotify(event.currentTarget.checked)}
            />
            <ActionError error={error} />
            <Group justify="flex-end" gap="sm">
              <Button
                variant="default"
                onClick={() => {
                  setError(null);
                  setStep('edit');
                }}
              >
                {t('changes.edit')}
              </Button>
              <Button onClick={confirmChange} loading={confirm.isPending} data-autofocus>
                {t('changes.confirm')}
              </Button>
            </Group>
          </Stack>
        )
      )}
    </Modal>
  );
}
