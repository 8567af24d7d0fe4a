import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { IconCalendar, IconChevronLeft, IconMapPin, IconPencil, IconPlus, IconTicket } from '../../../components/icons';
import { useEventQuery } from '../../../api/events';
import { isApiError } from '../../../api/errors';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSession } from '../../auth/SessionContext';
import { EventFormModal } from './EventFormModal';
import { EventMenu } from './EventMenu';
import { TicketTypeModal } from './TicketTypeModal';
import { TicketTypesTable } from './TicketTypesTable';
import { eventDates } from './eventDates';
import { useTranslation } from 'react-i18next';


export function EventPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const event = useEventQuery(id);
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(event.data?.name ?? t('events.event'));

  if (event.isPending) {
    return (
      <Page>
        <Stack gap="sm">
          <Skeleton height={12} width={80} />
          <Skeleton height={30} width={300} />
          <Skeleton height={220} mt="lg" />
        </Stack>
      </Page>
    );
  }
  if (event.isError) {
    if (isApiError(event.error) && event.error.status === 404) return <NotFoundPage title={t('events.notFound')} />;
    return <ErrorState error={event.error} onRetry={() => event.refetch()} />;
  }

  const detail = event.data;
  return (
    <Page>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="lg">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to="/settings/events" size="sm" c="dimmed" underline="hover">
            <Group gap={2} wrap="nowrap">
              <IconChevronLeft size={14} />
              {t('events.title')}
            </Group>
          </Anchor>
          <Group gap="sm" mt={4}>
            <Title order={1} size="h2">
              {detail.name}
            </Title>
            {detail.archived && (
              <Badge color="gray" variant="light">
                {t('events.archived')}
              </Badge>
            )}
          </Group>
          <Group gap="lg" mt={6}>
            <Group gap={6} wrap="nowrap">
              <IconCalendar size={16} color="var(--mantine-color-dimmed)" />
              <Text size="sm" c="dimmed">
                {eventDates(detail.starts_at, detail.ends_at, timeZone)}
              </Text>
            </Group>
            {detail.venue && (
              <Group gap={6} wrap="nowrap">
                <IconMapPin size={16} color="var(--mantine-color-dimmed)" />
                <Text size="sm" c="dimmed">
                  {detail.venue}
                </Text>
              </Group>
            )}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} visibleFrom="xs">
            {t('events.edit')}
          </Button>
          <EventMenu event={detail} onDeleted={() => navigate('/settings/events')} />
        </Group>
      </Group>

      <Card padding={0}>
        <Group justify="space-between" p="lg" pb="sm">
          <div>
            <Title order={2} size="h4">
              {t('events.types.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('events.types.order')}
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('events.types.add')}
          </Button>
        </Group>
        {detail.ticket_types.length === 0 ? (
          <EmptyState icon={<IconTicket size={22} />} title={t('events.types.noneYet')}>
            {t('events.types.noneYetText')}
          </EmptyState>
        ) : (
          <TicketTypesTable eventId={detail.id} ticketTypes={detail.ticket_types} />
        )}
      </Card>
      <TicketTypeModal eventId={detail.id} opened={adding} onClose={() => setAdding(false)} />
      <EventFormModal event={detail} opened={editing} onClose={() => setEditing(false)} />
    </Page>
  );
}
