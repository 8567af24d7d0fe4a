import { useState } from 'react';
import { Anchor, Badge, Box, Button, Card, Group, Progress, Skeleton, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import { IconCalendarEvent, IconPlus } from '../../../components/icons';
import { useEventListQuery, type EventRecord } from '../../../api/events';
import { EmptyState } from '../../../components/EmptyState';
import { MobileList, MobileListItem } from '../../../components/MobileList';
import { ErrorState } from '../../../components/ErrorState';
import { Page } from '../../../components/Page';
import { PageHeader } from '../../../components/PageHeader';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSession } from '../../auth/SessionContext';
import { EventFormModal } from './EventFormModal';
import { EventMenu } from './EventMenu';
import { eventDates } from './eventDates';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from 'react-i18next';


export function EventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.title'));
  const events = useEventListQuery();
  const [creating, setCreating] = useState(false);
  const items = events.data?.items ?? [];

  return (
    <Page>
      <PageHeader
        title={t('events.title')}
        description={t('events.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('events.new')}
          </Button>
        }
      />
      <Card padding={0}>
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => events.refetch()} title={t('events.couldNotLoad')} />
        ) : !events.isPending && items.length === 0 ? (
          <EmptyState icon={<IconCalendarEvent size={22} />} title={t('events.noneYet')}>
            {t('events.noneYetText')}
          </EmptyState>
        ) : (
          <EventsTable events={items} loading={events.isPending} />
        )}
      </Card>
      <EventFormModal opened={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}

function EventsTable({ events, loading }: { events: EventRecord[]; loading: boolean }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <MobileList label={t('events.title')}>
        {events.map((event) => (
          <MobileListItem key={event.id} dimmed={event.archived}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/settings/events/${event.id}`} fw={600} size="sm">
                  {event.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {eventDates(event.starts_at, event.ends_at, timeZone)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('events.mobileSummary', {
                    orders: formatNumber(event.order_count ?? 0),
                    sold: formatNumber(event.tickets_sold ?? 0),
                    capacity: formatNumber(event.capacity ?? 0),
                  })}
                  {event.archived ? ` · ${t('events.archivedLower')}` : ''}
                </Text>
              </div>
              <EventMenu event={event} />
            </Group>
          </MobileListItem>
        ))}
      </MobileList>
      <Table.ScrollContainer minWidth={820} visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('events.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events.columns.event')}</Table.Th>
              <Table.Th>{t('events.columns.dates')}</Table.Th>
              <Table.Th ta="right">{t('events.columns.orders')}</Table.Th>
              <Table.Th w={200}>{t('events.columns.sold')}</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading
              ? Array.from({ length: 4 }, (_, row) => (
                  <Table.Tr key={row}>
                    {Array.from({ length: 5 }, (_, cell) => (
                      <Table.Td key={cell}>
                        <Skeleton height={14} my={4} width="70%" />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : events.map((event) => {
                  const sold = event.tickets_sold ?? 0;
                  const capacity = event.capacity ?? 0;
                  return (
                    <Table.Tr
                      key={event.id}
                      className="row-link"
                      data-event-id={event.id}
                      style={event.archived ? { opacity: 0.6 } : undefined}
                      onClick={(e) => {
                        if ((e.target as HTMLElement).closest('a, button, [role="menu"]')) return;
                        navigate(`/settings/events/${event.id}`);
                      }}
                    >
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={`/settings/events/${event.id}`} fw={600} size="sm">
                            {event.name}
                          </Anchor>
                          {event.archived && (
                            <Badge size="xs" color="gray" variant="light">
                              {t('events.archived')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" truncate maw={320}>
                          {event.venue || t('events.noVenue')} ·{' '}
                          {t('events.ticketTypeCount', { count: event.ticket_type_count ?? 0 })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {eventDates(event.starts_at, event.ends_at, timeZone)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" className="tabular">
                        {formatNumber(event.order_count ?? 0)}
                      </Table.Td>
                      <Table.Td>
                        <Box>
                          <Text size="sm" className="tabular">
                            {formatNumber(sold)}{' '}
                            <Text span size="xs" c="dimmed">
                              / {formatNumber(capacity)}
                            </Text>
                          </Text>
                          <Progress
                            value={capacity ? Math.min(100, (sold / capacity) * 100) : 0}
                            size="xs"
                            mt={4}
                            aria-label={t('events.soldOf', { sold, capacity })}
                          />
                        </Box>
                      </Table.Td>
                      <Table.Td>
                        <EventMenu event={event} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
