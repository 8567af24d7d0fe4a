import { useEffect, useRef } from 'react';
import { Grid, Skeleton, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { orderKeys, useOrderQuery } from '../../api/orders';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { isApiError } from '../../api/errors';
import { ErrorState } from '../../components/ErrorState';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Page } from '../../components/Page';
import { useTranslation } from 'react-i18next';
import { OrderHeader } from './OrderHeader';
import { ContactCard } from './ContactCard';
import { ContentsCard } from './ContentsCard';
import { PaymentsCard } from './PaymentsCard';
import { HistoryCard } from './HistoryCard';
import { EmailLogCard } from './EmailLogCard';
import { OrderInfoCard } from './OrderInfoCard';

export function OrderDetailPage() {
  const { number = '' } = useParams();
  const { t } = useTranslation();
  const order = useOrderQuery(number);
  useDocumentTitle(t('order.title', { number }));
  useRefreshOnNewVersion(number, order.data?.version);

  if (order.isPending) return <OrderDetailSkeleton />;
  if (order.isError) {
    if (isApiError(order.error) && order.error.status === 404) {
      return <NotFoundPage title={t('order.notFound', { number })} />;
    }
    return <ErrorState error={order.error} onRetry={() => order.refetch()} title={t('order.couldNotLoad')} />;
  }

  const detail = order.data;
  return (
    <Page>
      <OrderHeader order={detail} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ContentsCard order={detail} />
            <PaymentsCard order={detail} />
            <HistoryCard number={detail.number} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ContactCard order={detail} />
            <OrderInfoCard order={detail} />
            <EmailLogCard number={detail.number} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

/** A change seen by polling (a refund completing) also changes the history and the e-mail log. */
function useRefreshOnNewVersion(number: string, version: number | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(version);
  useEffect(() => {
    if (version === undefined) return;
    if (seen.current !== undefined && seen.current !== version) {
      queryClient.invalidateQueries({ queryKey: orderKeys.history(number) });
      queryClient.invalidateQueries({ queryKey: orderKeys.emails(number) });
    }
    seen.current = version;
  }, [number, version, queryClient]);
}

function OrderDetailSkeleton() {
  const { t } = useTranslation();
  return (
    <Page>
      <Stack gap={8} mb="lg" aria-busy="true" aria-label={t('order.loading')}>
        <Skeleton height={12} width={80} />
        <Skeleton height={30} width={260} />
        <Skeleton height={12} width={340} />
      </Stack>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Skeleton height={260} radius="md" />
            <Skeleton height={140} radius="md" />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Skeleton height={180} radius="md" />
            <Skeleton height={160} radius="md" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
