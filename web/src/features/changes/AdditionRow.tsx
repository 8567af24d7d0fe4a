import { ActionIcon, Grid, Group, NumberInput, Paper, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '../../components/icons';
import type { ChangeOptionEvent } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { PriceInput } from './PriceInput';
import { TicketTypeSelect } from './TicketTypeSelect';
import type { Addition } from './changeDraft';
import type { RowProblem } from './rowProblems';

const MAX_QUANTITY = 50;

/** New tickets of one type that the change adds to the order. */
export function AdditionRow({ addition, position, onChange, onRemove, events, eventsLoading, canSetPrice, problem, currency }: {
  addition: Addition;
  position: number;
  onChange: (addition: Addition) => void;
  onRemove: () => void;
  events: ChangeOptionEvent[] | undefined;
  eventsLoading: boolean;
  canSetPrice: boolean;
  problem?: RowProblem;
  currency: string;
}) {
  const { t } = useTranslation();
  const chosen = events?.flatMap((event) => event.ticket_types).find((type) => type.id === addition.ticketTypeId);
  const label = t('changes.addition.label', { position });
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      role="group"
      aria-label={label}
      data-addition={position}
      style={problem ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
    >
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Tooltip label={t('changes.addition.remove')}>
          <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('changes.addition.removeLabel', { position })}>
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Grid gutter="sm" align="flex-end">
        <Grid.Col span={{ base: 12, sm: canSetPrice ? 6 : 9 }}>
          <TicketTypeSelect
            label={t('changes.addition.ticketType')}
            events={events}
            loading={eventsLoading}
            value={addition.ticketTypeId}
            onChange={(ticketTypeId) => onChange({ ...addition, ticketTypeId })}
            error={problem?.fields.ticket_type_id}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <NumberInput
            label={t('changes.addition.quantity')}
            value={addition.quantity}
            onChange={(quantity) => onChange({ ...addition, quantity })}
            min={1}
            max={Math.min(MAX_QUANTITY, chosen?.available ?? MAX_QUANTITY)}
            allowDecimal={false}
            allowNegative={false}
            error={problem?.fields.quantity}
          />
        </Grid.Col>
        {canSetPrice && (
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <PriceInput
              value={addition.price}
              onChange={(price) => onChange({ ...addition, price })}
              currency={currency}
              typePrice={chosen?.price}
              error={problem?.fields.price}
            />
          </Grid.Col>
        )}
      </Grid>
      {problem?.message && (
        <Text size="xs" c="red" mt="xs" role="alert" data-testid="row-error">
          {problem.message}
        </Text>
      )}
    </Paper>
  );
}
