import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconAlertTriangle, IconCircleCheck } from '../../components/icons';
import type { ReconciliationReport } from '../../api/reports';
import { formatNumber, paymentMethodLabel } from '../../lib/format';
import { i18n } from '../../i18n';
import { codeLabel } from '../../lib/labels';
import { useTranslation } from 'react-i18next';

import { useSession } from '../auth/SessionContext';

export const exceptionLabel = (kind: string) =>
  i18n.t(`reports.exceptions.kind.${kind}`, { defaultValue: kind.replace(/_/g, ' ') });

export function ReconciliationExceptions({ report }: { report: ReconciliationReport }) {
  const { t } = useTranslation();
  const { money, date } = useSession();
  const total = Object.values(report.exception_counts).reduce((sum, count) => sum + count, 0);
  return (
    <Card padding={0} component="section" aria-labelledby="exceptions-title">
      <Group justify="space-between" p="md" gap="xs">
        <Group gap="xs">
          {total > 0 ? (
            <IconAlertTriangle size={20} color="var(--mantine-color-orange-6)" />
          ) : (
            <IconCircleCheck size={20} color="var(--mantine-color-green-6)" />
          )}
          <Title order={2} size="h5" id="exceptions-title">
            {total > 0 ? t('reports.exceptions.count', { count: total, formatted: formatNumber(total) }) : t('reports.exceptions.none')}
          </Title>
        </Group>
        <Group gap={6}>
          {Object.entries(report.exception_counts)
            .filter(([, count]) => count > 0)
            .map(([kind, count]) => (
              <Badge key={kind} color="orange" variant="light" tt="none">
                {exceptionLabel(kind)}: {count}
              </Badge>
            ))}
        </Group>
      </Group>
      {report.exceptions.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('reports.exceptions.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.kind')}</Table.Th>
                <Table.Th>{t('reports.columns.order')}</Table.Th>
                <Table.Th>{t('reports.columns.what')}</Table.Th>
                <Table.Th>{t('reports.columns.provider')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.amount')}</Table.Th>
                <Table.Th>{t('reports.columns.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.exceptions.map((item, index) => (
                <Table.Tr key={`${item.kind}-${item.subject}-${item.id ?? item.order_number}-${index}`} data-kind={item.kind}>
                  <Table.Td>
                    <Badge color={item.kind === 'failed_refund' || item.kind === 'over_refunded' ? 'red' : 'orange'} variant="light" tt="none" style={{ whiteSpace: 'nowrap' }}>
                      {exceptionLabel(item.kind)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/orders/${item.order_number}`} ff="monospace" fw={600} size="sm">
                      {item.order_number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" maw={360}>
                      {item.message}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.provider ? codeLabel('provider', item.provider) : '—'}</Text>
                    {item.method && (
                      <Text size="xs" c="dimmed">
                        {paymentMethodLabel(item.method)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {money(item.amount, report.currency)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {item.at ? date(item.at, 'short') : '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > report.exceptions.length && (
        <Stack p="md" pt="xs">
          <Text size="xs" c="dimmed">
            {t('reports.exceptions.showing', { shown: formatNumber(report.exceptions.length), count: formatNumber(total) })}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
