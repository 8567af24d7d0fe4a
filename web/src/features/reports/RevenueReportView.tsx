import { Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '../../components/icons';
import { revenueCsvUrl, useRevenueQuery, type RevenueGrouping } from '../../api/reports';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../auth/SessionContext';
import { PeriodPicker } from './PeriodPicker';
import { RevenueChart } from './RevenueChart';
import { RevenueTable } from './RevenueTable';
import { StatCard } from './StatCard';
import { periodLabel } from './periods';
import { formatNumber } from '../../lib/format';
import { useTranslation } from 'react-i18next';

import { usePeriod } from './usePeriod';

const GROUPINGS: RevenueGrouping[] = ['day', 'event', 'ticket_type', 'payment_method'];

export function RevenueReportView() {
  const { t } = useTranslation();
  const { me, money, can } = useSession();
  const groupings = GROUPINGS.map((value) => ({ value, label: t(`reports.revenue.per.${value}`) }));
  const { preset, period, choosePreset, chooseRange, params, setParam } = usePeriod();
  const requested = params.get('group_by') as RevenueGrouping | null;
  const groupBy = requested && GROUPINGS.includes(requested) ? requested : 'day';
  const days = useRevenueQuery(period, 'day');
  const table = useRevenueQuery(period, groupBy);
  const canExport = can('reports.export');
  const totals = days.data?.totals;
  const currency = days.data?.currency ?? me.organisation.currency;

  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="sm">
        <PeriodPicker preset={preset} period={period} onPreset={choosePreset} onRange={chooseRange} />
        <Text size="sm" c="dimmed" data-testid="period-label">
          {periodLabel(period)}
        </Text>
      </Group>

      {days.isError ? (
        <ErrorState error={days.error} onRetry={() => days.refetch()} title={t('reports.revenue.couldNotLoad')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <StatCard
              id="revenue"
              label={t('reports.revenue.revenue')}
              value={totals ? money(totals.gross, currency) : ''}
              loading={!totals}
              hint={t('reports.revenue.revenueHint')}
            />
            <StatCard
              id="refunds"
              label={t('reports.revenue.refunds')}
              value={totals ? money(totals.refunds, currency) : ''}
              loading={!totals}
              hint={t('reports.revenue.refundsHint')}
            />
            <StatCard
              id="net"
              label={t('reports.revenue.net')}
              value={totals ? money(totals.net, currency) : ''}
              loading={!totals}
              tone={totals && totals.net < 0 ? 'negative' : undefined}
              hint={totals ? t('reports.revenue.inclFees', { fees: money(totals.fees, currency) }) : undefined}
            />
            <StatCard
              id="tickets-sold"
              label={t('reports.revenue.ticketsSold')}
              value={totals ? formatNumber(totals.tickets_sold) : ''}
              loading={!totals}
              hint={
                totals
                  ? t('reports.revenue.ticketsHint', {
                      refunded: formatNumber(totals.tickets_refunded),
                      cancelled: formatNumber(totals.tickets_cancelled),
                    })
                  : undefined
              }
            />
          </SimpleGrid>

          <Card>
            <Title order={2} size="h5" mb="sm">
              {t('reports.revenue.perDay')}
            </Title>
            {days.data ? (
              <RevenueChart days={days.data.groups} currency={currency} money={(minor) => money(minor, currency)} />
            ) : (
              <Skeleton height={290} />
            )}
          </Card>
        </>
      )}

      <Card padding={0}>
        <Group justify="space-between" p="md" gap="sm">
          <Select
            aria-label={t('reports.revenue.groupBy')}
            data={groupings}
            value={groupBy}
            onChange={(value) => setParam({ group_by: value === 'day' ? null : value })}
            allowDeselect={false}
            w={200}
          />
          {canExport && (
            <Button
              component="a"
              href={revenueCsvUrl(me.organisation.slug, period, groupBy)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('orders.exportCsv')}
            </Button>
          )}
        </Group>
        {table.isError ? (
          <ErrorState error={table.error} onRetry={() => table.refetch()} />
        ) : table.data && table.data.group_by === groupBy ? (
          <div style={{ opacity: table.isPlaceholderData ? 0.6 : 1 }} aria-busy={table.isFetching} data-testid="revenue-groups">
            {table.data.groups.length === 0 ? (
              <Text size="sm" c="dimmed" p="md" pt={0}>
                {t('reports.revenue.nothing')}
              </Text>
            ) : (
              <RevenueTable report={table.data} />
            )}
          </div>
        ) : (
          <Skeleton height={240} />
        )}
      </Card>
    </Stack>
  );
}
