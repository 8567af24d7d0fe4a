import { Alert, Box, Container, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCircleCheck, IconMapPin, IconTicket } from '../../components/icons';
import { useParams } from 'react-router-dom';
import { usePublicPersonalisationQuery, useSavePublicPersonalisation } from '../../api/personalisation';
import { errorMessage, isApiError } from '../../api/errors';
import { formatDate } from '../../lib/format';
import { TicketPersonalisationForm } from './TicketPersonalisationForm';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCustomerLanguage } from './useCustomerLanguage';
import { useTranslation } from 'react-i18next';


export function CustomerPersonalisationPage() {
  const { token = '' } = useParams();
  const query = usePublicPersonalisationQuery(token);
  const save = useSavePublicPersonalisation(token);
  const data = query.data;
  useCustomerLanguage(data?.language);
  const { t } = useTranslation();
  useDocumentTitle(data ? `${t('personalisation.customer.title')} · ${data.event.name}` : t('personalisation.customer.title'));
  const complete = data && data.tickets.every((ticket) => ticket.missing.length === 0);

  return (
    <Box bg="gray.0" mih="100vh" py={{ base: 'md', sm: 40 }}>
      <Container size={720} px={{ base: 'sm', sm: 'md' }}>
        <Group gap={8} mb="md">
          <IconTicket size={22} color="var(--mantine-color-indigo-6)" aria-hidden />
          <Text fw={700}>{data?.organisation.name ?? t('personalisation.customer.tickets')}</Text>
        </Group>
        {query.isPending ? (
          <Stack gap="md">
            <Skeleton height={110} radius="md" />
            <Skeleton height={260} radius="md" />
          </Stack>
        ) : query.isError ? (
          <Alert color="red" title={t('personalisation.customer.broken')} role="alert">
            {isApiError(query.error) && (query.error.status === 404 || query.error.status === 410)
              ? t('personalisation.customer.expired')
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
                {t('personalisation.customer.intro', { number: data!.order.number })}
              </Text>
            </Paper>
            {complete && (
              <Alert color="green" icon={<IconCircleCheck size={18} />} role="status">
                {t('personalisation.customer.complete')}
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
