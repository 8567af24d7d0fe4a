import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconAlertTriangle, IconCircleCheck } from '../../components/icons';
import type { ReconciliationReport } from '../../api/reports';
import { humanize, paymentMethodLabel } from '../../lib/format';
import { useSession } from '../auth/SessionContext';

const KIND_LABELS: Record<string, string> = {
  failed_refund: 'Failed refund',
  refund_pending: 'Refund pending > 24 h',
  missing_provider_ref: 'No provider reference',
  amount_mismatch: 'Amount mismatch',
  over_refunded: 'Over-refunded',
  status_mismatch: 'Status mismatch',
};

export const exceptionLabel = (kind: string) => KIND_LABELS[kind] ?? humanize(kind);

export function ReconciliationExceptions({ report }: { report: ReconciliationReport }) {
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
            {total > 0 ? `${total.toLocaleString()} ${total === 1 ? 'exception' : 'exceptions'} to look at` : 'No exceptions'}
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
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Exceptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Order</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
                <Table.Th>When</Table.Th>
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
                    <Text size="sm">{item.provider ? humanize(item.provider) : '—'}</Text>
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
            Showing {report.exceptions.length} of {total.toLocaleString()}; narrow the period or the provider to see the rest.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
