import { Alert, Box, Container, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCircleCheck, IconMapPin, IconTicket } from '../../components/icons';
import { useParams } from 'react-router-dom';
import { usePublicPersonalisationQuery, useSavePublicPersonalisation } from '../../api/personalisation';
import { errorMessage, isApiError } from '../../api/errors';
import { formatDate } from '../../lib/format';
import { TicketPersonalisationForm } from './TicketPersonalisationForm';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

export function CustomerPersonalisationPage() {
  const { token = '' } = useParams();
  const query = usePublicPersonalisationQuery(token);
  const save = useSavePublicPersonalisation(token);
  const data = query.data;
  useDocumentTitle(data ? `Attendee details · ${data.event.name}` : 'Attendee details');
  const complete = data && data.tickets.every((ticket) => ticket.missing.length === 0);

  return (
    <Box bg="gray.0" mih="100vh" py={{ base: 'md', sm: 40 }}>
      <Container size={720} px={{ base: 'sm', sm: 'md' }}>
        <Group gap={8} mb="md">
          <IconTicket size={22} color="var(--mantine-color-indigo-6)" aria-hidden />
          <Text fw={700}>{data?.organisation.name ?? 'Tickets'}</Text>
        </Group>
        {query.isPending ? (
          <Stack gap="md">
            <Skeleton height={110} radius="md" />
            <Skeleton height={260} radius="md" />
          </Stack>
        ) : query.isError ? (
          <Alert color="red" title="This link does not work" role="alert">
            {isApiError(query.error) && (query.error.status === 404 || query.error.status === 410)
              ? 'The link is unknown or has expired. Ask the organiser for a new one.'
              : errorMessage(query.error)}
          </Alert>
        ) : (
          <Stack gap="md">
            <Paper withBorder p="lg" radius="md">
              <Title order={1} size="h3">
                {data!.event.name}
              </Title>
              <Stack gap={4} mt="xs">
                {data!.event.starts_at && (
                  <Group gap={6} wrap="nowrap">
                    <IconCalendarEvent size={16} aria-hidden />
                    <Text size="sm">{formatDate(data!.event.starts_at, data!.organisation.time_zone, 'datetime')}</Text>
                  </Group>
                )}
                {data!.event.venue && (
                  <Group gap={6} wrap="nowrap">
                    <IconMapPin size={16} aria-hidden />
                    <Text size="sm">{data!.event.venue}</Text>
                  </Group>
                )}
              </Stack>
              <Text size="sm" c="dimmed" mt="sm">
                Order {data!.order.number} · please fill in the details of each attendee.
              </Text>
            </Paper>
            {complete && (
              <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
                Thank you, all attendee details are complete. You can still correct them here.
              </Alert>
            )}
            {data!.tickets.map((ticket, index) => (
              <TicketPersonalisationForm
                key={ticket.ticket_id}
                ticket={ticket}
                position={index + 1}
                onSave={(values) => save.mutateAsync({ ticket_id: ticket.ticket_id, values })}
              />
            ))}
          </Stack>
        )}
      </Container>
    </Box>
  );
}
