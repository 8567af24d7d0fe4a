import { useMemo } from 'react';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconDownload } from '../../components/icons';
import { reconciliationCsvUrl, useReconciliationQuery, type Provider } from '../../api/reports';
import { ErrorState } from '../../components/ErrorState';
import { StatusBadge } from '../../components/StatusBadge';
import { humanize, paymentMethodLabel } from '../../lib/format';
import { useSession } from '../auth/SessionContext';
import { PeriodPicker } from './PeriodPicker';
import { ReconciliationExceptions } from './ReconciliationExceptions';
import { StatCard } from './StatCard';
import { periodLabel } from './periods';
import { usePeriod } from './usePeriod';

const PROVIDERS: { value: Provider; label: string }[] = [
  { value: 'stripe', label: 'Stripe' },
  { value: 'mollie', label: 'Mollie' },
  { value: 'demo', label: 'Demo' },
  { value: 'manual', label: 'Manual' },
  { value: 'none', label: 'None (free)' },
];

const ITEM_STATUS_KIND: Record<string, 'refund' | 'order'> = { pending: 'refund', succeeded: 'refund', failed: 'refund' };

export function ReconciliationView() {
  const { me, money, date } = useSession();
  const { preset, period, choosePreset, chooseRange, params, setParam } = usePeriod();
  const requested = params.get('provider') as Provider | null;
  const provider = PROVIDERS.some((p) => p.value === requested) ? requested : null;
  const query = useReconciliationQuery(period, provider);
  const first = query.data?.pages[0];
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const currency = first?.currency ?? me.organisation.currency;

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <PeriodPicker preset={preset} period={period} onPreset={choosePreset} onRange={chooseRange} />
          <Select
            aria-label="Provider"
            placeholder="All providers"
            data={PROVIDERS}
            value={provider}
            onChange={(value) => setParam({ provider: value })}
            clearable
            w={170}
          />
        </Group>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {periodLabel(period)}
          </Text>
          <Button
            component="a"
            href={reconciliationCsvUrl(me.organisation.slug, period, provider)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Export CSV
          </Button>
        </Group>
      </Group>

      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} title="Could not load the reconciliation" />
      ) : !first ? (
        <Stack gap="lg">
          <Skeleton height={90} />
          <Skeleton height={200} />
        </Stack>
      ) : (
        <Stack gap="lg" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <StatCard label="Payments in" value={money(first.totals.payments_in, currency)} hint={`${first.totals.payments_count.toLocaleString()} payments`} />
            <StatCard label="Refunds out" value={money(first.totals.refunds_out, currency)} hint={`${first.totals.refunds_count.toLocaleString()} refunds`} />
            <StatCard label="Net settled" value={money(first.totals.net, currency)} tone={first.totals.net < 0 ? 'negative' : undefined} />
          </SimpleGrid>

          <ReconciliationExceptions report={first} />

          <Card padding={0} component="section" aria-labelledby="by-provider-title">
            <Title order={2} size="h5" p="md" id="by-provider-title">
              Per provider and method
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Per provider and method">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Provider</Table.Th>
                    <Table.Th>Method</Table.Th>
                    <Table.Th ta="right">Payments</Table.Th>
                    <Table.Th ta="right">In</Table.Th>
                    <Table.Th ta="right">Refunds</Table.Th>
                    <Table.Th ta="right">Out</Table.Th>
                    <Table.Th ta="right">Net</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody className="tabular">
                  {first.by_provider.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text size="sm" c="dimmed">
                          No money moved in this period.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {first.by_provider.map((row) => (
                    <Table.Tr key={`${row.provider}-${row.method}`}>
                      <Table.Td>{humanize(row.provider)}</Table.Td>
                      <Table.Td>{paymentMethodLabel(row.method)}</Table.Td>
                      <Table.Td ta="right">{row.payments_count.toLocaleString()}</Table.Td>
                      <Table.Td ta="right">{money(row.payments_in, currency)}</Table.Td>
                      <Table.Td ta="right">{row.refunds_count.toLocaleString()}</Table.Td>
                      <Table.Td ta="right">{money(row.refunds_out, currency)}</Table.Td>
                      <Table.Td ta="right" fw={500}>
                        {money(row.net, currency)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                {first.by_provider.length > 1 && (
                  <Table.Tfoot className="tabular">
                    <Table.Tr>
                      <Table.Th colSpan={2}>Total</Table.Th>
                      <Table.Th ta="right">{first.totals.payments_count.toLocaleString()}</Table.Th>
                      <Table.Th ta="right">{money(first.totals.payments_in, currency)}</Table.Th>
                      <Table.Th ta="right">{first.totals.refunds_count.toLocaleString()}</Table.Th>
                      <Table.Th ta="right">{money(first.totals.refunds_out, currency)}</Table.Th>
                      <Table.Th ta="right">{money(first.totals.net, currency)}</Table.Th>
                    </Table.Tr>
                  </Table.Tfoot>
                )}
              </Table>
            </Table.ScrollContainer>
          </Card>

          <Card padding={0} component="section" aria-labelledby="ledger-title">
            <Title order={2} size="h5" p="md" id="ledger-title">
              Payments and refunds
            </Title>
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Payments and refunds">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Order</Table.Th>
                    <Table.Th>Provider</Table.Th>
                    <Table.Th>Provider reference</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text size="sm" c="dimmed">
                          No payments or refunds in this period.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {items.map((item) => (
                    <Table.Tr key={`${item.kind}-${item.id}`}>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {date(item.completed_at ?? item.created_at, 'short')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{humanize(item.kind)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/orders/${item.order_number}`} ff="monospace" size="sm" fw={600}>
                          {item.order_number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{humanize(item.provider)}</Text>
                        {item.method && (
                          <Text size="xs" c="dimmed">
                            {paymentMethodLabel(item.method)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" c={item.provider_ref ? undefined : 'dimmed'}>
                          {item.provider_ref ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={item.status} kind={ITEM_STATUS_KIND[item.status] ?? 'order'} size="sm" />
                        {item.error && (
                          <Text size="xs" c="red.7">
                            {item.error}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" className="tabular" fw={500} c={item.kind === 'refund' ? 'red.7' : undefined}>
                        {item.kind === 'refund' ? '−' : ''}
                        {money(item.amount, currency)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {items.length > 0 && (
              <Card.Section withBorder p="sm" m={0}>
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    Showing {items.length.toLocaleString()}
                    {query.hasNextPage ? '' : ' · end of list'}
                  </Text>
                  {query.hasNextPage && (
                    <Button variant="default" size="xs" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
                      Load more
                    </Button>
                  )}
                </Group>
              </Card.Section>
            )}
          </Card>
        </Stack>
      )}
    </Stack>
  );
}
