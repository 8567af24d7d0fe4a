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
import { humanize } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useSession } from '../../auth/SessionContext';
import { CreateTokenModal } from './CreateTokenModal';

export function TokensPage() {
  useDocumentTitle('API tokens');
  const tokens = useTokensQuery();
  const revoke = useRevokeToken();
  const { date } = useSession();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const items = tokens.data?.items ?? [];

  return (
    <Page>
      <PageHeader
        title="API tokens"
        description="Integrations and support assistants use the API with a token that carries a role."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New token
          </Button>
        }
      />
      <Card padding={0}>
        {tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
        ) : !tokens.isPending && items.length === 0 ? (
          <EmptyState icon={<IconKey size={22} />} title="No API tokens">
            Create a token for each integration, with the least role it needs.
          </EmptyState>
        ) : (
          <>
            <MobileList label="API tokens">
              {items.map((token) => (
                <MobileListItem key={token.id}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate>
                        {token.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {humanize(token.role)} · <Code fz="xs">{token.prefix}…</Code>
                      </Text>
                      <Text size="xs" c="dimmed">
                        Created {date(token.created_at, 'date')} · {token.last_used_at ? `used ${date(token.last_used_at, 'short')}` : 'never used'}
                      </Text>
                    </div>
                    <Button variant="subtle" color="red" size="xs" onClick={() => setRevoking(token)}>
                      Revoke
                    </Button>
                  </Group>
                </MobileListItem>
              ))}
            </MobileList>
            <Table.ScrollContainer minWidth={760} visibleFrom="sm">
              <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="API tokens">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Token</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last used</Table.Th>
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
                              {humanize(token.role)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Code>{token.prefix}…</Code>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{date(token.created_at, 'date')}</Text>
                            {token.created_by && (
                              <Text size="xs" c="dimmed">
                                by {token.created_by}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c={token.last_used_at ? undefined : 'dimmed'}>
                              {token.last_used_at ? date(token.last_used_at, 'short') : 'Never'}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            <Button variant="subtle" color="red" size="xs" onClick={() => setRevoking(token)}>
                              Revoke
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
        title={`Revoke ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke token"
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          await revoke.mutateAsync(revoking!.id);
          notifications.show({ color: 'green', title: 'Token revoked', message: revoking!.name });
        }}
      >
        Requests with this token are refused from now on. An integration that still uses it stops working.
      </ConfirmDialog>
    </Page>
  );
}
