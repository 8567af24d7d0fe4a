import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconUserCheck } from '../../components/icons';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from 'react-router-dom';
import { useOrderQuery } from '../../api/orders';
import { useOrderPersonalisationQuery, useSaveOrderPersonalisation } from '../../api/personalisation';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/StatusBadge';
import { CustomerLinkPanel } from './CustomerLinkPanel';
import { TicketPersonalisationForm } from './TicketPersonalisationForm';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useTranslation } from 'react-i18next';


export function PersonalisationPage() {
  const { number = '' } = useParams();
  const { t } = useTranslation();
  const order = useOrderQuery(number);
  const personalisation = useOrderPersonalisationQuery(number);
  const save = useSaveOrderPersonalisation(number);
  useDocumentTitle(t('personalisation.staff.documentTitle', { number }));

  const barcodes = new Map(order.data?.tickets.map((ticket) => [ticket.id, ticket.barcode]) ?? []);
  const tickets = personalisation.data?.tickets ?? [];
  const missing = tickets.reduce((count, ticket) => count + ticket.missing.length, 0);

  return (
    <Page maw={960}>
      <Anchor component={Link} to={`/orders/${number}`} size="sm" c="dimmed" underline="hover">
        <Group gap={2} wrap="nowrap">
          <IconChevronLeft size={14} />
          {t('order.title', { number })}
        </Group>
      </Anchor>
      <Group gap="sm" mt={4} mb={4}>
        <Title order={1} size="h2">
          {t('personalisation.staff.title')}
        </Title>
        {order.data && <StatusBadge status={order.data.status} />}
      </Group>
      <Text size="sm" c="dimmed" mb="lg">
        {personalisation.isSuccess
          ? tickets.length === 0
            ? t('personalisation.staff.noTickets')
            : missing > 0
              ? `${t('personalisation.staff.ticketsNeed', { count: tickets.length })}; ${t('personalisation.staff.fieldsMissing', { count: missing })}`
              : t('personalisation.staff.allComplete', { count: tickets.length })
          : t('personalisation.staff.perTicket')}
      </Text>
      {personalisation.isPending ? (
        <Stack gap="lg">
          <Skeleton height={220} radius="md" />
          <Skeleton height={220} radius="md" />
        </Stack>
      ) : personalisation.isError ? (
        <ErrorState error={personalisation.error} onRetry={() => personalisation.refetch()} />
      ) : (
        <Stack gap="lg">
          {tickets.length === 0 && (
            <EmptyState icon={<IconUserCheck size={22} />} title={t('personalisation.staff.nothing')}>
              {t('personalisation.staff.nothingText')}
            </EmptyState>
          )}
          {tickets.map((ticket, index) => (
            <TicketPersonalisationForm
              key={ticket.ticket_id}
              ticket={{ ...ticket, barcode: ticket.barcode ?? barcodes.get(ticket.ticket_id) }}
              position={index + 1}
              onSave={async (values) => {
                await save.mutateAsync({ ticket_id: ticket.ticket_id, values });
                notifications.show({ color: 'green', message: t('personalisation.staff.saved', { position: index + 1 }) });
              }}
            />
          ))}
          {tickets.length > 0 && <CustomerLinkPanel number={number} email={order.data?.contact.email ?? null} />}
        </Stack>
      )}
    </Page>
  );
}
