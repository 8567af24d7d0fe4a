import { useMemo } from 'react';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { IconDownload } from '../../components/icons';
import { reconciliationCsvUrl, useReconciliationQuery, type Provider } from '../../api/reports';
import { ErrorState } from '../../components/ErrorState';
import { StatusBadge } from '../../components/StatusBadge';
import { formatNumber, paymentMethodLabel } from '../../lib/format';
import { codeLabel } from '../../lib/labels';
import { useTranslation } from 'react-i18next';

import { useSession } from '../auth/SessionContext';
import { PeriodPicker } from './PeriodPicker';
import { ReconciliationExceptions } from './ReconciliationExceptions';
import { StatCard } from './StatCard';
import { periodLabel } from './periods';
import { usePeriod } from './usePeriod';

const PROVIDERS: Provider[] = ['stripe', 'mollie', 'demo', 'manual', 'none'];

const ITEM_STATUS_KIND: Record<string, 'refund' | 'order'> = { pending: 'refund', succeeded: 'refund', failed: 'refund' };

export function ReconciliationView() {
  const { t } = useTranslation();
  const { me, money, date } = useSession();
  const providerOptions = PROVIDERS.map((value) => ({
    value,
    label: value === 'none' ? t('reports.providerNone') : codeLabel('provider', value),
  }));
  const { preset, period, choosePreset, chooseRange, params, setParam } = usePeriod();
  const requested = params.get('provider') as Provider | null;
  const provider = requested && PROVIDERS.includes(requested) ? requested : null;
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
            aria-label={t('reports.columns.provider')}
            placeholder={t('reports.allProviders')}
            data={providerOptions}
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
            {t('orders.exportCsv')}
          </Button>
        </Group>
      </Group>

      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} title={t('reports.reconciliation.couldNotLoad')} />
      ) : !first ? (
        <Stack gap="lg">
          <Skeleton height={90} />
          <Skeleton height={200} />
        </Stack>
      ) : (
        <Stack gap="lg" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <StatCard
              id="payments-in"
              label={t('reports.reconciliation.paymentsIn')}
              value={money(first.totals.payments_in, currency)}
              hint={t('reports.reconciliation.payments', { count: first.totals.payments_count, formatted: formatNumber(first.totals.payments_count) })}
            />
            <StatCard
              id="refunds-out"
              label={t('reports.reconciliation.refundsOut')}
              value={money(first.totals.refunds_out, currency)}
              hint={t('reports.reconciliation.refunds', { count: first.totals.refunds_count, formatted: formatNumber(first.totals.refunds_count) })}
            />
            <StatCard
              id="net-settled"
              label={t('reports.reconciliation.netSettled')}
              value={money(first.totals.net, currency)}
              tone={first.totals.net < 0 ? 'negative' : undefined}
            />
          </SimpleGrid>

          <ReconciliationExceptions report={first} />

          <Card padding={0} component="section" aria-labelledby="by-provider-title">
            <Title order={2} size="h5" p="md" id="by-provider-title">
              {t('reports.reconciliation.perProvider')}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('reports.reconciliation.perProvider')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.columns.provider')}</Table.Th>
                    <Table.Th>{t('reports.columns.method')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.payments')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.in')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.refunds')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.out')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.net')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody className="tabular">
                  {first.by_provider.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text size="sm" c="dimmed">
                          {t('reports.reconciliation.noMoney')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {first.by_provider.map((row) => (
                    <Table.Tr key={`${row.provider}-${row.method}`}>
                      <Table.Td>{codeLabel('provider', row.provider)}</Table.Td>
                      <Table.Td>{paymentMethodLabel(row.method)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(row.payments_count)}</Table.Td>
                      <Table.Td ta="right">{money(row.payments_in, currency)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(row.refunds_count)}</Table.Td>
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
                      <Table.Th colSpan={2}>{t('reports.columns.total')}</Table.Th>
                      <Table.Th ta="right">{formatNumber(first.totals.payments_count)}</Table.Th>
                      <Table.Th ta="right">{money(first.totals.payments_in, currency)}</Table.Th>
                      <Table.Th ta="right">{formatNumber(first.totals.refunds_count)}</Table.Th>
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
              {t('reports.reconciliation.ledger')}
            </Title>
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('reports.reconciliation.ledger')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.columns.date')}</Table.Th>
                    <Table.Th>{t('reports.columns.kind')}</Table.Th>
                    <Table.Th>{t('reports.columns.order')}</Table.Th>
                    <Table.Th>{t('reports.columns.provider')}</Table.Th>
                    <Table.Th>{t('reports.columns.providerRef')}</Table.Th>
                    <Table.Th>{t('reports.columns.status')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={7}>
                        <Text size="sm" c="dimmed">
                          {t('reports.reconciliation.noItems')}
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
                      <Table.Td>{t(`reports.reconciliation.kind.${item.kind}`)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/orders/${item.order_number}`} ff="monospace" size="sm" fw={600}>
                          {item.order_number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{codeLabel('provider', item.provider)}</Text>
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
                    {t('reports.reconciliation.showing', { formatted: formatNumber(items.length) })}
                    {query.hasNextPage ? '' : ` · ${t('orders.endOfList')}`}
                  </Text>
                  {query.hasNextPage && (
                    <Button variant="default" size="xs" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
                      {t('common.loadMore')}
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
