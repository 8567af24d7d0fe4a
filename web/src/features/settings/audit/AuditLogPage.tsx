import { useMemo, useState } from 'react';
import { Badge, Button, Card, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconHistory } from '../../../components/icons';
import { useAuditLogQuery, type AuditEntry } from '../../../api/audit';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Page } from '../../../components/Page';
import { PageHeader } from '../../../components/PageHeader';
import { humanize } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSession } from '../../auth/SessionContext';
import { actionLabel, entityLabel, valueText } from './auditText';

const ENTITIES = [
  { value: 'event', label: 'Events' },
  { value: 'ticket_type', label: 'Ticket types' },
  { value: 'organisation', label: 'Organisation' },
  { value: 'user', label: 'Users' },
  { value: 'token', label: 'API tokens' },
  { value: 'invitation', label: 'Invitations' },
];

const ACTION_COLORS: Record<string, string> = {
  created: 'green',
  added: 'green',
  deleted: 'red',
  removed: 'red',
  revoked: 'red',
  access_revoked: 'red',
  invited: 'green',
  accepted: 'green',
};

export function AuditLogPage() {
  useDocumentTitle('Audit log');
  const [entity, setEntity] = useState<string | null>(null);
  const log = useAuditLogQuery(entity);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);

  return (
    <Page>
      <PageHeader
        title="Audit log"
        description="Every change to events, ticket types, settings, users, invitations and tokens: who, when, and what changed."
        actions={
          <Select
            aria-label="Show changes to"
            placeholder="Everything"
            data={ENTITIES}
            value={entity}
            onChange={setEntity}
            clearable
            w={180}
          />
        }
      />
      <Card padding={0}>
        {log.isError ? (
          <ErrorState error={log.error} onRetry={() => log.refetch()} />
        ) : !log.isPending && entries.length === 0 ? (
          <EmptyState icon={<IconHistory size={22} />} title="No changes yet" />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Audit log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>When</Table.Th>
                  <Table.Th w={170}>Who</Table.Th>
                  <Table.Th w={250}>What</Table.Th>
                  <Table.Th>Changes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.isPending
                  ? Array.from({ length: 6 }, (_, row) => (
                      <Table.Tr key={row}>
                        {Array.from({ length: 4 }, (_, cell) => (
                          <Table.Td key={cell}>
                            <Skeleton height={14} my={4} width="70%" />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))
                  : entries.map((entry) => <AuditRow key={entry.id} entry={entry} />)}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {entries.length > 0 && (
          <Card.Section withBorder p="sm">
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                Showing {entries.length} {entries.length === 1 ? 'change' : 'changes'}
                {log.hasNextPage ? '' : ' · end of log'}
              </Text>
              {log.hasNextPage && (
                <Button variant="default" size="xs" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  Load more
                </Button>
              )}
            </Group>
          </Card.Section>
        )}
      </Card>
    </Page>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { date, money } = useSession();
  const changes = Object.entries(entry.changes ?? {});
  const format = { money: (minor: number) => money(minor), date: (iso: string) => date(iso, 'datetime') };
  return (
    <Table.Tr data-audit-id={entry.id} style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {date(entry.at, 'short')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{entry.actor?.name ?? 'System'}</Text>
        {entry.actor?.kind === 'token' && (
          <Text size="xs" c="dimmed">
            API token
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Badge size="sm" variant="light" color={ACTION_COLORS[entry.action] ?? 'indigo'} style={{ flexShrink: 0 }}>
            {actionLabel(entry.action)}
          </Badge>
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} truncate>
              {entry.entity_label ?? entityLabel(entry.entity)}
            </Text>
            <Text size="xs" c="dimmed">
              {entityLabel(entry.entity)}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        {changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Stack gap={4}>
            {changes.map(([field, change]) => (
              <Group key={field} gap={6} wrap="wrap" align="baseline">
                <Text size="xs" c="dimmed">
                  {humanize(field)}
                </Text>
                {change.old !== null && change.old !== undefined && (
                  <>
                    <Text size="sm" td="line-through" c="dimmed" lineClamp={2} maw={260} style={{ wordBreak: 'break-word' }}>
                      {valueText(field, change.old, format)}
                    </Text>
                    <IconArrowRight size={12} color="var(--mantine-color-dimmed)" />
                  </>
                )}
                <Text size="sm" lineClamp={2} maw={320} style={{ wordBreak: 'break-word' }}>
                  {valueText(field, change.new, format)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
