import { useMemo, useState } from 'react';
import { Badge, Button, Card, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconHistory } from '../../../components/icons';
import { useAuditLogQuery, type AuditEntry } from '../../../api/audit';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Page } from '../../../components/Page';
import { PageHeader } from '../../../components/PageHeader';
import { useTranslation } from 'react-i18next';

import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSession } from '../../auth/SessionContext';
import { actionLabel, entityLabel, fieldLabel, valueText } from './auditText';

/** What the log can be narrowed to; each is named by `audit.filter.<entity>`. */
const ENTITIES = ['event', 'ticket_type', 'organisation', 'user', 'token', 'invitation'];

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
  const { t } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const [entity, setEntity] = useState<string | null>(null);
  const log = useAuditLogQuery(entity);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);

  return (
    <Page>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          <Select
            aria-label={t('audit.showChangesTo')}
            placeholder={t('audit.everything')}
            data={ENTITIES.map((value) => ({ value, label: t(`audit.filter.${value}`) }))}
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
          <EmptyState icon={<IconHistory size={22} />} title={t('audit.none')} />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('audit.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>{t('audit.when')}</Table.Th>
                  <Table.Th w={170}>{t('audit.who')}</Table.Th>
                  <Table.Th w={250}>{t('audit.what')}</Table.Th>
                  <Table.Th>{t('audit.changes')}</Table.Th>
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
                {t('audit.showing', { count: entries.length })}
                {log.hasNextPage ? '' : ` · ${t('audit.endOfLog')}`}
              </Text>
              {log.hasNextPage && (
                <Button variant="default" size="xs" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  {t('common.loadMore')}
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
  const { t } = useTranslation();
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
        <Text size="sm">{entry.actor?.name ?? t('order.history.actor.system')}</Text>
        {entry.actor?.kind === 'token' && (
          <Text size="xs" c="dimmed">
            {t('order.history.actor.token')}
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
                  {fieldLabel(field)}
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
