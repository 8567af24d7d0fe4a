import { Card, Group, Skeleton, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import {
  IconArrowsExchange,
  IconCash,
  IconCircleDot,
  IconMail,
  IconNote,
  IconPencil,
  IconReceiptRefund,
  IconShoppingCart,
  IconUserEdit,
  IconX,
} from '../../components/icons';
import { useOrderHistoryQuery } from '../../api/orders';
import type { HistoryItem } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useTranslation } from 'react-i18next';
import { paymentMethodLabel } from '../../lib/format';
import { useSession } from '../auth/SessionContext';
import { actorLabel, historyChanges, historyFieldLabel, historySummary, historyTitle, showValue } from './historyText';
import { NoteForm } from './NoteForm';

function iconFor(type: string) {
  if (type === 'order_changed') return <IconArrowsExchange size={12} />;
  if (type === 'due_waived') return <IconCash size={12} />;
  if (type.includes('note')) return <IconNote size={12} />;
  if (type.includes('refund')) return <IconReceiptRefund size={12} />;
  if (type.includes('cancel')) return <IconX size={12} />;
  if (type.includes('mail') || type.includes('resen') || type.includes('link')) return <IconMail size={12} />;
  if (type.includes('personalis')) return <IconUserEdit size={12} />;
  if (type.includes('contact')) return <IconPencil size={12} />;
  if (type.includes('paid') || type.includes('payment')) return <IconCash size={12} />;
  if (type.includes('creat') || type.includes('placed') || type.includes('import')) return <IconShoppingCart size={12} />;
  return <IconCircleDot size={12} />;
}

const SKIP_DATA_KEYS = new Set(['changes', 'text', 'currency']);
const MONEY_KEYS = new Set(['amount', 'total', 'refund_amount', 'paid', 'refunded', 'fee', 'price']);

export function HistoryCard({ number }: { number: string }) {
  const { t } = useTranslation();
  const history = useOrderHistoryQuery(number);

  return (
    <Card component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="sm">
        {t('order.history.title')}
      </Title>
      <NoteForm number={number} />
      {history.isPending ? (
        <Stack gap="md" mt="lg">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} height={36} />
          ))}
        </Stack>
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} title={t('order.history.couldNotLoad')} />
      ) : history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" mt="md">
          {t('order.history.nothingYet')}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} mt="lg" aria-label={t('order.history.title')} data-testid="history">
          {history.data.items.map((item) => (
            <Timeline.Item key={item.id} bullet={iconFor(item.type)} title={historyTitle(item)} data-type={item.type}>
              <HistoryBody item={item} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

function HistoryBody({ item }: { item: HistoryItem }) {
  const { t } = useTranslation();
  const { date, money } = useSession();
  const currency = typeof item.data?.currency === 'string' ? item.data.currency : undefined;
  const show = (key: string, value: unknown) => {
    if (MONEY_KEYS.has(key) && typeof value === 'number') return money(value, currency);
    if (key === 'method' && typeof value === 'string') return paymentMethodLabel(value);
    return showValue(value);
  };
  const changes = historyChanges(item);
  const text = typeof item.data?.text === 'string' ? item.data.text : null;
  const summary = historySummary(item, (minor) => money(minor, currency));
  const extra = summary
    ? []
    : Object.entries(item.data ?? {}).filter(
        ([key, value]) => !SKIP_DATA_KEYS.has(key) && value !== null && typeof value !== 'object',
      );

  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {actorLabel(item)} · <time dateTime={item.at}>{date(item.at)}</time>
      </Text>
      {summary && (
        <Text size="sm" data-testid="history-summary">
          {summary}
        </Text>
      )}
      {text && (
        <Text size="sm" bg="yellow.0" p="xs" style={{ whiteSpace: 'pre-wrap', borderRadius: 6 }}>
          {text}
        </Text>
      )}
      {changes.length > 0 && (
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="xs" aria-label={t('order.history.changes')}>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.field}>
                <Table.Td c="dimmed" pr="sm" w={1} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {historyFieldLabel(change.field)}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Text span size="xs" td="line-through" c="dimmed">
                    {showValue(change.old)}
                  </Text>{' '}
                  →{' '}
                  <Text span size="xs" fw={500}>
                    {showValue(change.new)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {extra.length > 0 && (
        <Group gap="md">
          {extra.map(([key, value]) => (
            <Text key={key} size="xs" c="dimmed">
              {historyFieldLabel(key)}: <Text span size="xs" c="dark">{show(key, value)}</Text>
            </Text>
          ))}
        </Group>
      )}
    </Stack>
  );
}
