import { Alert, Badge, Divider, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '../../components/icons';
import type { ChangeLine, ChangeOperationType, ChangeResult } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { attendeeName } from '../order-detail/attendee';
import { useSession } from '../auth/SessionContext';
import { settlementText, signedMoney } from './settlementText';

const OPERATION_LABELS: Record<ChangeOperationType | 'move', string> = {
  swap: 'New type',
  move: 'Moved',
  add: 'Added',
  cancel: 'Cancelled',
  hand_over: 'Handed over',
};

const SETTLEMENT_COLORS = { none: 'gray', due: 'orange', refund: 'blue' } as const;

/** The server's preview of a change: every ticket before → after, the totals and what happens to the money. */
export function ChangeReview({ result, currency }: { result: ChangeResult; currency: string }) {
  const { money, date } = useSession();
  const format = (minor: number) => money(minor, currency);
  const before = new Map(result.before.tickets.map((line) => [line.ticket_id, line]));
  const moved = result.before.event.id !== result.after.event.id;

  return (
    <Stack gap="md" role="region" aria-label="Change review">
      {moved && (
        <Paper withBorder p="sm" radius="md" bg="indigo.0" data-testid="change-event">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Event
          </Text>
          <Group gap={8} mt={4}>
            <Text size="sm" td="line-through" c="dimmed">
              {result.before.event.name} · {date(result.before.event.starts_at)}
            </Text>
            <IconArrowRight size={14} aria-label="becomes" />
            <Text size="sm" fw={600}>
              {result.after.event.name} · {date(result.after.event.starts_at)}
            </Text>
          </Group>
        </Paper>
      )}
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label="Tickets before and after">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Before</Table.Th>
              <Table.Th w={24} aria-label="becomes" />
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.after.tickets.map((line, index) => {
              const old = line.ticket_id === null ? undefined : before.get(line.ticket_id);
              const unchanged = line.operation === null;
              return (
                <Table.Tr
                  key={line.ticket_id ?? `new-${index}`}
                  data-ticket-id={line.ticket_id ?? undefined}
                  data-operation={line.operation ?? 'none'}
                  style={unchanged ? { opacity: 0.6 } : undefined}
                >
                  <Table.Td>{old ? <LineCell line={old} currency={currency} showEvent={moved} /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>
                    <IconArrowRight size={14} aria-hidden />
                  </Table.Td>
                  <Table.Td>
                    <LineCell line={line} currency={currency} showEvent={moved} />
                    <Group gap={4} mt={4}>
                      {line.operation && (
                        <Badge size="xs" variant="light" color={line.operation === 'cancel' ? 'red' : 'indigo'}>
                          {OPERATION_LABELS[line.operation === 'swap' && old && old.event.id !== line.event.id ? 'move' : line.operation]}
                        </Badge>
                      )}
                      {line.new_barcode && (
                        <Badge size="xs" variant="outline" color="grape" data-testid="new-barcode">
                          New barcode
                        </Badge>
                      )}
                      {unchanged && (
                        <Text size="xs" c="dimmed">
                          Unchanged
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={6} ml="auto" w={{ base: '100%', xs: 340 }} className="tabular" aria-label="Totals before and after">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            Total
          </Text>
          <Text size="sm" data-testid="change-totals">
            {format(result.before.total)} → {format(result.after.total)}
          </Text>
        </Group>
        <Divider />
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            Difference
          </Text>
          <Text size="sm" fw={600} data-testid="change-difference">
            {signedMoney(result.difference, format)}
          </Text>
        </Group>
      </Stack>
      <Alert
        color={SETTLEMENT_COLORS[result.settlement.kind]}
        variant="light"
        icon={<IconInfoCircle size={18} />}
        data-testid="change-settlement"
        data-kind={result.settlement.kind}
      >
        {settlementText(result, format)}
      </Alert>
    </Stack>
  );
}

function LineCell({ line, currency, showEvent }: { line: ChangeLine; currency: string; showEvent: boolean }) {
  const { money } = useSession();
  const name = attendeeName({ attendee: line.attendee });
  const cancelled = line.status !== 'valid';
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500} td={cancelled ? 'line-through' : undefined}>
          {line.ticket_type.name}
        </Text>
        {cancelled && <StatusBadge status={line.status} kind="ticket" size="xs" />}
      </Group>
      {showEvent && (
        <Text size="xs" c="dimmed">
          {line.event.name}
        </Text>
      )}
      {name && <Text size="xs">{name}</Text>}
      <Text size="xs" c="dimmed" className="tabular">
        {money(line.price, currency)}
        {line.fee > 0 ? ` + ${money(line.fee, currency)} fee` : ''}
      </Text>
    </div>
  );
}
