import { useState } from 'react';
import { Badge, Button, Card, Code, Group, Skeleton, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '../../../components/icons';
import { useRevokeToken, useTokensQuery, type ApiToken } from '../../../api/tokens';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { MobileList, MobileListItem } from '../../../components/MobileList';
import { ErrorState } from '../../../components/ErrorState';
import { Page } from '../../../components/Page';
import { PageHeader } from '../../../components/PageHeader';
import { roleLabel } from '../../../lib/labels';
import { useTranslation } from 'react-i18next';

import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSession } from '../../auth/SessionContext';
import { CreateTokenModal } from './CreateTokenModal';

export function TokensPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tokens.title'));
  const tokens = useTokensQuery();
  const revoke = useRevokeToken();
  const { date } = useSession();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.items ?? [];

  return (
    <Page>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('tokens.newShort')}
          </Button>
        }
      />
      <Card padding={0}>
        {tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : !tokens.isPending && items.length === 0 ? (
          <EmptyState icon={<IconKey size={22} />} title={t('tokens.none')}>
            {t('tokens.noneText')}
          </EmptyState>
        ) : (
          <>
            <MobileList label={t('tokens.title')}>
              {items.map((token) => (
                <MobileListItem key={token.id}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>
                        {token.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {roleLabel(token.role)} · <Code fz="xs">{token.prefix}…</Code>
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('tokens.createdOn', { date: date(token.created_at, 'date') })} ·{' '}
                        {token.last_used_at ? t('tokens.usedOn', { date: date(token.last_used_at, 'short') }) : t('tokens.neverUsed')}
                      </Text>
                    </div>
                    <Button variant="subtle" color="red" size="xs" onClick={() => setRevoking(token)}>
                      {t('users.pending.revoke')}
                    </Button>
                  </Group>
                </MobileListItem>
              ))}
            </MobileList>
            <Table.ScrollContainer minWidth={760} visibleFrom="sm">
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('tokens.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.name')}</Table.Th>
                    <Table.Th>{t('users.role')}</Table.Th>
                    <Table.Th>{t('tokens.token')}</Table.Th>
                    <Table.Th>{t('tokens.created')}</Table.Th>
                    <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                    <Table.Th w={100} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.isPending
                    ? Array.from({ length: 3 }, (_, row) => (
                        <Table.Tr key={row}>
                          {Array.from({ length: 6 }, (_, cell) => (
                            <Table.Td key={cell}>
                              <Skeleton height={14} my={4} width="60%" />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))
                    : items.map((token) => (
                        <Table.Tr key={token.id} data-token-id={token.id}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {token.name}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="light" color="gray">
                              {roleLabel(token.role)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Code>{token.prefix}…</Code>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{date(token.created_at, 'date')}</Text>
                            {token.created_by && (
                              <Text size="xs" c="dimmed">
                                {t('tokens.by', { name: token.created_by })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c={token.last_used_at ? undefined : 'dimmed'}>
                              {token.last_used_at ? date(token.last_used_at, 'short') : t('users.never')}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            <Button variant="subtle" color="red" size="xs" onClick={() => setRevoking(token)}>
                              {t('users.pending.revoke')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Card>
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          await revoke.mutateAsync(revoking!.id);
          notifications.show({ color: 'green', title: t('tokens.revoked'), message: revoking!.name });
        }}
      >
        {t('tokens.revokeText')}
      </ConfirmDialog>
    </Page>
  );
}
