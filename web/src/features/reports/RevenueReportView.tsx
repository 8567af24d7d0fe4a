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
import { usePeriod } from './usePeriod';

const GROUPINGS: { value: RevenueGrouping; label: string }[] = [
  { value: 'day', label: 'Per day' },
  { value: 'event', label: 'Per event' },
  { value: 'ticket_type', label: 'Per ticket type' },
  { value: 'payment_method', label: 'Per payment method' },
];

export function RevenueReportView() {
  const { me, money, can } = useSession();
  const { preset, period, choosePreset, chooseRange, params, setParam } = usePeriod();
  const requested = params.get('group_by') as RevenueGrouping | null;
  const groupBy = GROUPINGS.some((g) => g.value === requested) ? requested! : 'day';
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
        <ErrorState error={days.error} onRetry={() => days.refetch()} title="Could not load the report" />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            <StatCard label="Revenue" value={totals ? money(totals.gross, currency) : ''} loading={!totals} hint="Payments received" />
            <StatCard label="Refunds" value={totals ? money(totals.refunds, currency) : ''} loading={!totals} hint="Refunds completed" />
            <StatCard
              label="Net"
              value={totals ? money(totals.net, currency) : ''}
              loading={!totals}
              tone={totals && totals.net < 0 ? 'negative' : undefined}
              hint={totals ? `incl. ${money(totals.fees, currency)} fees` : undefined}
            />
            <StatCard
              label="Tickets sold"
              value={totals ? totals.tickets_sold.toLocaleString() : ''}
              loading={!totals}
              hint={totals ? `${totals.tickets_refunded} refunded · ${totals.tickets_cancelled} cancelled` : undefined}
            />
          </SimpleGrid>

          <Card>
            <Title order={2} size="h5" mb="sm">
              Revenue and refunds per day
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
            aria-label="Group by"
            data={GROUPINGS}
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
              Export CSV
            </Button>
          )}
        </Group>
        {table.isError ? (
          <ErrorState error={table.error} onRetry={() => table.refetch()} />
        ) : table.data && table.data.group_by === groupBy ? (
          <div style={{ opacity: table.isPlaceholderData ? 0.6 : 1 }} aria-busy={table.isFetching} data-testid="revenue-groups">
            {table.data.groups.length === 0 ? (
              <Text size="sm" c="dimmed" p="md" pt={0}>
                Nothing sold or refunded in this period.
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
