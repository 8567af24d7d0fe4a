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

export function PersonalisationPage() {
  const { number = '' } = useParams();
  const order = useOrderQuery(number);
  const personalisation = useOrderPersonalisationQuery(number);
  const save = useSaveOrderPersonalisation(number);
  useDocumentTitle(`Personalisation ${number}`);

  const barcodes = new Map(order.data?.tickets.map((t) => [t.id, t.barcode]) ?? []);
  const tickets = personalisation.data?.tickets ?? [];
  const missing = tickets.reduce((count, ticket) => count + ticket.missing.length, 0);

  return (
    <Page maw={960}>
      <Anchor component={Link} to={`/orders/${number}`} size="sm" c="dimmed" underline="hover">
        <Group gap={2} wrap="nowrap">
          <IconChevronLeft size={14} />
          Order {number}
        </Group>
      </Anchor>
      <Group gap="sm" mt={4} mb={4}>
        <Title order={1} size="h2">
          Personalisation
        </Title>
        {order.data && <StatusBadge status={order.data.status} />}
      </Group>
      <Text size="sm" c="dimmed" mb="lg">
        {personalisation.isSuccess
          ? tickets.length === 0
            ? 'No ticket of this order needs attendee details.'
            : missing > 0
              ? `${tickets.length} ${tickets.length === 1 ? 'ticket needs' : 'tickets need'} attendee details; ${missing} required ${missing === 1 ? 'field is' : 'fields are'} missing.`
              : `All ${tickets.length} ${tickets.length === 1 ? 'ticket is' : 'tickets are'} complete.`
          : 'Attendee details per ticket.'}
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
            <EmptyState icon={<IconUserCheck size={22} />} title="Nothing to personalise">
              The ticket types of this order ask for no attendee details.
            </EmptyState>
          )}
          {tickets.map((ticket, index) => (
            <TicketPersonalisationForm
              key={ticket.ticket_id}
              ticket={{ ...ticket, barcode: ticket.barcode ?? barcodes.get(ticket.ticket_id) }}
              position={index + 1}
              onSave={async (values) => {
                await save.mutateAsync({ ticket_id: ticket.ticket_id, values });
                notifications.show({ color: 'green', message: `Ticket ${index + 1} saved` });
              }}
            />
          ))}
          {tickets.length > 0 && <CustomerLinkPanel number={number} email={order.data?.contact.email ?? null} />}
        </Stack>
      )}
    </Page>
  );
}
