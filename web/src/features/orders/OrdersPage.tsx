import { useMemo } from 'react';
import { Button, Card, Center, Group, Text } from '@mantine/core';
import { IconReceiptOff } from '../../components/icons';
import { useOrdersQuery } from '../../api/orders';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { OrderFiltersBar } from './OrderFiltersBar';
import { OrdersTable } from './OrdersTable';
import { useOrderFilters } from './useOrderFilters';
import { CsvExportButton } from './CsvExportButton';
import { useSession } from '../auth/SessionContext';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

export function OrdersPage() {
  const { filters, update, clear, active } = useOrderFilters();
  const { t } = useTranslation();
  const query = useOrdersQuery(filters);
  useDocumentTitle(t('orders.title'));
  const orders = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const filtered = active > 0 || Boolean(filters.q);
  const seenEvents = useMemo(() => {
    const byId = new Map<number, string>();
    for (const order of orders) byId.set(order.event_id, order.event_name);
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [orders]);
  const { can } = useSession();
  const canExport = can('orders.export');

  return (
    <Page>
      <PageHeader
        title={t('orders.title')}
        description={t('orders.description')}
        actions={canExport ? <CsvExportButton filters={filters} /> : undefined}
      />
      <Card padding={0}>
        <Card.Section p="md" withBorder>
          <OrderFiltersBar filters={filters} onChange={update} onClear={clear} active={active} seenEvents={seenEvents} />
        </Card.Section>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} title={t('orders.couldNotLoad')} />
        ) : !query.isPending && orders.length === 0 ? (
          <EmptyState icon={<IconReceiptOff size={22} />} title={filtered ? t('orders.noMatch') : t('orders.noneYet')}>
            {filtered ? t('orders.noMatchHint') : t('orders.noneYetHint')}
          </EmptyState>
        ) : (
          <OrdersTable orders={orders} loading={query.isPending} />
        )}
        {orders.length > 0 && (
          <Card.Section withBorder p="sm">
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="orders-count">
                {t('orders.showing', { count: orders.length })}
                {query.hasNextPage ? '' : ` · ${t('orders.endOfList')}`}
              </Text>
              {query.hasNextPage && (
                <Center>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => query.fetchNextPage()}
                    loading={query.isFetchingNextPage}
                  >
                    {t('common.loadMore')}
                  </Button>
                </Center>
              )}
            </Group>
          </Card.Section>
        )}
      </Card>
    </Page>
  );
}
