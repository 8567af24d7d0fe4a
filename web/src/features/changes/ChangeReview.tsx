import { Alert, Badge, Divider, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '../../components/icons';
import type { ChangeLine, ChangeOperationType, ChangeResult } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { attendeeName } from '../order-detail/attendee';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/SessionContext';
import { settlementText, signedMoney } from './settlementText';

/** Each badge is named by `changes.preview.operation.<type>`. */
type OperationBadge = ChangeOperationType | 'move';

const SETTLEMENT_COLORS = { none: 'gray', due: 'orange', refund: 'blue' } as const;

/** The server's preview of a change: every ticket before → after, the totals and what happens to the money. */
export function ChangeReview({ result, currency }: { result: ChangeResult; currency: string }) {
  const { t } = useTranslation();
  const { money, date } = useSession();
  const format = (minor: number) => money(minor, currency);
  const before = new Map(result.before.tickets.map((line) => [line.ticket_id, line]));
  const moved = result.before.event.id !== result.after.event.id;

  return (
    <Stack gap="md" role="region" aria-label={t('changes.preview.label')}>
      {moved && (
        <Paper withBorder p="sm" radius="md" bg="indigo.0" data-testid="change-event">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('changes.preview.event')}
          </Text>
          <Group gap={8} mt={4}>
            <Text size="sm" td="line-through" c="dimmed">
              {result.before.event.name} · {date(result.before.event.starts_at)}
            </Text>
            <IconArrowRight size={14} aria-label={t('changes.preview.becomes')} />
            <Text size="sm" fw={600}>
              {result.after.event.name} · {date(result.after.event.starts_at)}
            </Text>
          </Group>
        </Paper>
      )}
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label={t('changes.preview.tickets')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('changes.preview.before')}</Table.Th>
              <Table.Th w={24} aria-label={t('changes.preview.becomes')} />
              <Table.Th>{t('changes.preview.after')}</Table.Th>
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
                          {t(`changes.preview.operation.${(line.operation === 'swap' && old && old.event.id !== line.event.id ? 'move' : line.operation) satisfies OperationBadge}`)}
                        </Badge>
                      )}
                      {line.new_barcode && (
                        <Badge size="xs" variant="outline" color="grape" data-testid="new-barcode">
                          {t('changes.preview.newBarcode')}
                        </Badge>
                      )}
                      {unchanged && (
                        <Text size="xs" c="dimmed">
                          {t('changes.preview.unchanged')}
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
      <Stack gap={6} ml="auto" w={{ base: '100%', xs: 340 }} className="tabular" aria-label={t('changes.preview.totals')}>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('changes.preview.total')}
          </Text>
          <Text size="sm" data-testid="change-totals">
            {format(result.before.total)} → {format(result.after.total)}
          </Text>
        </Group>
        <Divider />
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t('changes.preview.difference')}
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
  const { t } = useTranslation();
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
        {line.fee > 0
          ? t('changes.plusFee', { price: money(line.price, currency), fee: money(line.fee, currency) })
          : money(line.price, currency)}
      </Text>
    </div>
  );
}
