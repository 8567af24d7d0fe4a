import { Grid, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import type { ChangeOptionEvent, PersonalisationField, Ticket } from '../../api/types';
import { maskBarcode } from '../../lib/format';
import { attendeeName } from '../order-detail/attendee';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';
import { AttendeeFields } from './AttendeeFields';
import { PriceInput } from './PriceInput';
import { TicketTypeSelect } from './TicketTypeSelect';
import { newPlan, type PlanKind, type TicketPlan } from './changeDraft';
import type { RowProblem } from './rowProblems';

/** Each is named by `changes.plan.<kind>`. */
const KINDS: PlanKind[] = ['keep', 'swap', 'hand_over', 'cancel'];

/** One valid ticket of the order and what the change does to it. */
export function TicketChangeRow({ ticket, plan, onPlan, events, eventsLoading, fields, fieldsLoading, canSetPrice, problem, currency, highlight }: {
  ticket: Ticket;
  plan: TicketPlan;
  onPlan: (plan: TicketPlan) => void;
  events: ChangeOptionEvent[] | undefined;
  eventsLoading: boolean;
  /** The personalisation fields of the ticket's type. */
  fields: PersonalisationField[] | undefined;
  fieldsLoading: boolean;
  canSetPrice: boolean;
  problem?: RowProblem;
  currency: string;
  /** The ticket the dialog was opened for. */
  highlight?: boolean;
}) {
  const { t } = useTranslation();
  const { money } = useSession();
  const changeable = ticket.change?.enabled ?? true;
  const name = attendeeName(ticket);
  const headingId = `change-ticket-${ticket.id}`;
  const reasonId = `change-ticket-${ticket.id}-reason`;
  const chosenType =
    plan.kind === 'swap' ? events?.flatMap((event) => event.ticket_types).find((type) => type.id === plan.ticketTypeId) : undefined;

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      role="group"
      aria-labelledby={headingId}
      data-ticket-id={ticket.id}
      data-plan={plan.kind}
      style={
        problem
          ? { borderColor: 'var(--mantine-color-red-5)' }
          : highlight
            ? { borderColor: 'var(--mantine-color-indigo-4)' }
            : undefined
      }
    >
      <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} id={headingId}>
            {ticket.ticket_type.name}
            {name ? ` · ${name}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            <Text span ff="monospace" size="xs">
              {maskBarcode(ticket.barcode)}
            </Text>{' '}
            ·{' '}
            {ticket.fee > 0
              ? t('changes.plusFee', { price: money(ticket.price, currency), fee: money(ticket.fee, currency) })
              : money(ticket.price, currency)}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          data={KINDS.map((kind) => ({ value: kind, label: t(`changes.plan.${kind}`) }))}
          value={plan.kind}
          onChange={(kind) => onPlan(newPlan(kind as PlanKind))}
          disabled={!changeable}
          aria-describedby={changeable ? undefined : reasonId}
        />
      </Group>
      {!changeable && (
        <Text size="xs" c="dimmed" mt={6} id={reasonId} data-testid="ticket-change-reason">
          {ticket.change?.message || t('changes.cannotChange')}
        </Text>
      )}
      {plan.kind === 'swap' && (
        <Grid gutter="sm" mt="xs" align="flex-end">
          <Grid.Col span={{ base: 12, sm: canSetPrice ? 8 : 12 }}>
            <TicketTypeSelect
              label={t('changes.row.newType')}
              events={events}
              loading={eventsLoading}
              value={plan.ticketTypeId}
              exclude={ticket.ticket_type.id}
              onChange={(ticketTypeId) => onPlan({ ...plan, ticketTypeId })}
              error={problem?.fields.ticket_type_id}
            />
          </Grid.Col>
          {canSetPrice && (
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <PriceInput
                value={plan.price}
                onChange={(price) => onPlan({ ...plan, price })}
                currency={currency}
                typePrice={chosenType?.price}
                error={problem?.fields.price}
              />
            </Grid.Col>
          )}
        </Grid>
      )}
      {plan.kind === 'hand_over' && (
        <Stack gap="xs" mt="sm">
          <Text size="xs" c="dimmed">
            {t('changes.row.handOverText')}
          </Text>
          {fieldsLoading ? (
            <Loader size="sm" aria-label={t('changes.row.loadingFields')} />
          ) : (
            <AttendeeFields
              fields={fields ?? []}
              values={plan.attendee}
              errors={problem?.fields ?? {}}
              onChange={(attendee) => onPlan({ ...plan, attendee })}
            />
          )}
        </Stack>
      )}
      {plan.kind === 'cancel' && (
        <Text size="xs" c="red.8" mt="sm">
          {t('changes.row.cancelText')}
        </Text>
      )}
      {problem?.message && (
        <Text size="xs" c="red" mt="xs" role="alert" data-testid="row-error">
          {problem.message}
        </Text>
      )}
    </Paper>
  );
}
