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
import { useDocumentTitle } from '../../lib/useDocumentTitle';

export function OrdersPage() {
  const { filters, update, clear, active } = useOrderFilters();
  const query = useOrdersQuery(filters);
  useDocumentTitle('Orders');
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
        title="Orders"
        description="Find an order by number, customer, phone, barcode or reference, then open it to act on it."
        actions={canExport ? <CsvExportButton filters={filters} /> : undefined}
      />
      <Card padding={0}>
        <Card.Section p="md" withBorder>
          <OrderFiltersBar filters={filters} onChange={update} onClear={clear} active={active} seenEvents={seenEvents} />
        </Card.Section>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} title="Could not load orders" />
        ) : !query.isPending && orders.length === 0 ? (
          <EmptyState icon={<IconReceiptOff size={22} />} title={filtered ? 'No orders match' : 'No orders yet'}>
            {filtered
              ? 'Try another search term or remove a filter.'
              : 'Orders appear here as soon as they are placed or imported.'}
          </EmptyState>
        ) : (
          <OrdersTable orders={orders} loading={query.isPending} />
        )}
        {orders.length > 0 && (
          <Card.Section withBorder p="sm">
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="orders-count">
                Showing {orders.length} {orders.length === 1 ? 'order' : 'orders'}
                {query.hasNextPage ? '' : ' · end of list'}
              </Text>
              {query.hasNextPage && (
                <Center>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => query.fetchNextPage()}
                    loading={query.isFetchingNextPage}
                  >
                    Load more
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
